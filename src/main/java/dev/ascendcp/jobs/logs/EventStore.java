package dev.ascendcp.jobs.logs;

import dev.ascendcp.jobs.LogStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code job_event} table, through plain JDBC (batched inserts; streamed reads). */
@Component
public class EventStore {

    private static final String COLUMNS = "job_id, seq, type, at, step_id, node_id, node_name, stream, data";

    private final JdbcTemplate jdbc;

    EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<JobEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO job_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", events, 500, (ps, e) -> {
                    ps.setObject(1, e.jobId());
                    ps.setLong(2, e.seq());
                    ps.setString(3, e.type().name());
                    ps.setTimestamp(4, Timestamp.from(e.at()));
                    ps.setObject(5, e.stepId());
                    ps.setObject(6, e.nodeId());
                    ps.setString(7, e.nodeName());
                    ps.setString(8, e.stream() == null ? null : e.stream().name());
                    ps.setString(9, e.data());
                });
    }

    public void delete(UUID jobId, List<Long> seqs) {
        if (!seqs.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM job_event WHERE job_id = ? AND seq = ?", seqs, 500, (ps, seq) -> {
                ps.setObject(1, jobId);
                ps.setLong(2, seq);
            });
        }
    }

    public long maxSeq(UUID jobId) {
        Long max = jdbc.queryForObject("SELECT MAX(seq) FROM job_event WHERE job_id = ?", Long.class, jobId);
        return max == null ? 0 : max;
    }

    public List<JobEvent> after(UUID jobId, long afterSeq, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM job_event WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT " + limit,
                EventStore::map,
                jobId,
                afterSeq);
    }

    /** Streams the log lines of a job in order, optionally of one node (by name or id). */
    public void forEachLine(UUID jobId, @Nullable String node, Consumer<JobEvent> consumer) {
        String sql = "SELECT " + COLUMNS + " FROM job_event WHERE job_id = ? AND type = 'LOG'"
                + (node == null ? "" : " AND (node_name = ? OR CAST(node_id AS VARCHAR(36)) = ?)") + " ORDER BY seq";
        Object[] args = node == null ? new Object[] {jobId} : new Object[] {jobId, node, node};
        jdbc.query(
                sql,
                rs -> {
                    consumer.accept(map(rs, 0));
                },
                args);
    }

    private static JobEvent map(ResultSet rs, int row) throws SQLException {
        String stream = rs.getString("stream");
        return new JobEvent(
                rs.getObject("job_id", UUID.class),
                rs.getLong("seq"),
                JobEvent.Type.valueOf(rs.getString("type")),
                rs.getTimestamp("at").toInstant(),
                rs.getObject("step_id", UUID.class),
                rs.getObject("node_id", UUID.class),
                rs.getString("node_name"),
                stream == null ? null : LogStream.valueOf(stream),
                rs.getString("data"));
    }
}
