package dev.ascendcp.verification.store;

import dev.ascendcp.verification.ClusterVerification;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.PingStrategy;
import dev.ascendcp.verification.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every verification (the history) and answers the latest per cluster. The latest is cached parsed, keyed by
 * its row id, so the dashboard of a 64-node cluster does not parse megabytes per request; a cheap id query keeps the
 * cache right when another replica stored a newer one. Plain JDBC: the two text columns are CLOB on H2 and TEXT on
 * PostgreSQL, which JDBC reads alike.
 */
@Service
public class VerificationStore {

    private static final String SUMMARY_COLUMNS = "id, job_id, checked_at, requested_by, verdict, strategy,"
            + " ping_packets, ping_pairs, ping_failed, node_count, failing_npus, problem_count";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Map<UUID, StoredVerification> latest = new ConcurrentHashMap<>();

    VerificationStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    @Transactional
    public StoredVerification save(StoredVerification v) {
        ClusterVerification cv = v.verification();
        PingReport ping = cv.ping();
        ClusterVerification withoutResults = ping == null
                ? cv
                : new ClusterVerification(
                        cv.verdict(),
                        cv.nodes(),
                        cv.problems(),
                        new PingReport(
                                ping.strategy(), ping.pairs(), ping.failed(), List.of(), ping.problems(), ping.busy()));
        int problems = cv.problems().size()
                + cv.nodes().stream().mapToInt(n -> n.allProblems().size()).sum()
                + (ping == null ? 0 : ping.problems().size());
        jdbc.sql("INSERT INTO verification_run (id, job_id, cluster_id, checked_at, requested_by, verdict, strategy,"
                        + " ping_packets, ping_pairs, ping_failed, node_count, failing_npus, problem_count, body,"
                        + " ping_results) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        v.id(),
                        v.jobId(),
                        v.clusterId(),
                        OffsetDateTime.ofInstant(v.checkedAt(), ZoneOffset.UTC),
                        v.requestedBy(),
                        cv.verdict().name(),
                        v.strategy() == null ? null : v.strategy().name(),
                        v.pingPackets(),
                        ping == null ? 0 : ping.pairs(),
                        ping == null ? 0 : ping.failed(),
                        cv.nodes().size(),
                        v.failingNpus(),
                        problems,
                        json.writeValueAsString(new StoredBody(v.nodeIds(), withoutResults)),
                        ping == null ? "" : PingCodec.encode(ping.results(), ping.problems()))
                .update();
        latest.put(v.clusterId(), v);
        events.publishEvent(new VerificationStored(v.clusterId(), v.jobId(), v.id()));
        return v;
    }

    /** The clusters that have at least one stored verification (some may have been deleted from the inventory). */
    @Transactional(readOnly = true)
    public List<UUID> verifiedClusters() {
        return jdbc.sql("SELECT DISTINCT cluster_id FROM verification_run")
                .query(UUID.class)
                .list();
    }

    /** The newest verification of a cluster. */
    @Transactional(readOnly = true)
    public Optional<StoredVerification> latest(UUID clusterId) {
        Optional<UUID> id = jdbc.sql("SELECT id FROM verification_run WHERE cluster_id = ?"
                        + " ORDER BY checked_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .param(clusterId)
                .query(UUID.class)
                .optional();
        if (id.isEmpty()) {
            latest.remove(clusterId);
            return Optional.empty();
        }
        StoredVerification cached = latest.get(clusterId);
        if (cached != null && cached.id().equals(id.get())) {
            return Optional.of(cached);
        }
        Optional<StoredVerification> loaded = find(id.get());
        loaded.ifPresent(v -> latest.put(clusterId, v));
        return loaded;
    }

    /** The verification before {@code current} on the same cluster, if any. */
    @Transactional(readOnly = true)
    public Optional<StoredVerification> previous(StoredVerification current) {
        return jdbc.sql("SELECT id FROM verification_run WHERE cluster_id = ? AND (checked_at < ?"
                        + " OR (checked_at = ? AND id < ?)) ORDER BY checked_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .params(
                        current.clusterId(),
                        OffsetDateTime.ofInstant(current.checkedAt(), ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(current.checkedAt(), ZoneOffset.UTC),
                        current.id())
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    @Transactional(readOnly = true)
    public Optional<StoredVerification> find(UUID id) {
        return jdbc.sql("SELECT id, job_id, cluster_id, checked_at, requested_by, strategy, ping_packets, body,"
                        + " ping_results FROM verification_run WHERE id = ?")
                .param(id)
                .query((rs, n) -> full(rs))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<StoredVerification> findByJob(UUID jobId) {
        return jdbc.sql("SELECT id FROM verification_run WHERE job_id = ?")
                .param(jobId)
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    /** A cluster's verifications, newest first. */
    @Transactional(readOnly = true)
    public Page<VerificationSummary> history(UUID clusterId, Pageable page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM verification_run WHERE cluster_id = ?")
                .param(clusterId)
                .query(Long.class)
                .single();
        List<VerificationSummary> rows = jdbc.sql("SELECT " + SUMMARY_COLUMNS
                        + " FROM verification_run WHERE cluster_id = ? ORDER BY checked_at DESC, id DESC"
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(clusterId, page.getOffset(), page.getPageSize())
                .query((rs, n) -> summary(rs))
                .list();
        return new PageImpl<>(rows, page, total);
    }

    /** The newest summary of each of the given clusters (the overview page). */
    @Transactional(readOnly = true)
    public Map<UUID, VerificationSummary> latestSummaries(List<UUID> clusterIds) {
        Map<UUID, VerificationSummary> found = new java.util.HashMap<>();
        for (UUID clusterId : clusterIds) {
            jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM verification_run WHERE cluster_id = ?"
                            + " ORDER BY checked_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                    .param(clusterId)
                    .query((rs, n) -> summary(rs))
                    .optional()
                    .ifPresent(s -> found.put(clusterId, s));
        }
        return found;
    }

    private StoredVerification full(ResultSet rs) throws SQLException {
        StoredBody body = json.readValue(rs.getString("body"), StoredBody.class);
        ClusterVerification cv = body.verification();
        PingReport ping = cv.ping();
        if (ping != null) {
            String lines = rs.getString("ping_results");
            ping = new PingReport(
                    ping.strategy(),
                    ping.pairs(),
                    ping.failed(),
                    PingCodec.decode(lines == null ? "" : lines, ping.problems()),
                    ping.problems(),
                    ping.busy());
            cv = new ClusterVerification(cv.verdict(), cv.nodes(), cv.problems(), ping);
        }
        String strategy = rs.getString("strategy");
        return new StoredVerification(
                rs.getObject("id", UUID.class),
                rs.getObject("job_id", UUID.class),
                rs.getObject("cluster_id", UUID.class),
                instant(rs),
                rs.getString("requested_by"),
                strategy == null ? null : PingStrategy.valueOf(strategy),
                rs.getInt("ping_packets"),
                body.nodeIds(),
                cv);
    }

    private static VerificationSummary summary(ResultSet rs) throws SQLException {
        return new VerificationSummary(
                rs.getObject("id", UUID.class),
                rs.getObject("job_id", UUID.class),
                instant(rs),
                rs.getString("requested_by"),
                Verdict.valueOf(rs.getString("verdict")),
                rs.getString("strategy"),
                rs.getInt("ping_packets"),
                rs.getInt("ping_pairs"),
                rs.getInt("ping_failed"),
                rs.getInt("node_count"),
                rs.getInt("failing_npus"),
                rs.getInt("problem_count"));
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        @Nullable OffsetDateTime at = rs.getObject("checked_at", OffsetDateTime.class);
        return at == null ? Instant.EPOCH : at.toInstant();
    }
}
