package dev.ascendcp.ray;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's tables: the Ray state per cluster and per node the env Ray was started with and the runbook. */
@Service
class RayStore {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    RayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void saveState(RayStatusView s) {
        int updated = jdbc.sql("UPDATE ray_state SET state = ?, head_address = ?, nodes_alive = ?, nodes_expected = ?,"
                        + " npus_total = ?, npus_expected = ?, dashboard_url = ?, message = ?, job_id = ?,"
                        + " checked_at = ? WHERE cluster_id = ?")
                .params(s.state().name(), s.headAddress(), s.nodesAlive(), s.nodesExpected(), s.npusTotal())
                .params(s.npusExpected(), s.dashboardUrl(), cut(s.message(), 4000), s.jobId(), now(), s.clusterId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ray_state (state, head_address, nodes_alive, nodes_expected, npus_total,"
                            + " npus_expected, dashboard_url, message, job_id, checked_at, cluster_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(s.state().name(), s.headAddress(), s.nodesAlive(), s.nodesExpected(), s.npusTotal())
                    .params(s.npusExpected(), s.dashboardUrl(), cut(s.message(), 4000), s.jobId(), now())
                    .params(s.clusterId())
                    .update();
        }
    }

    @Transactional(readOnly = true)
    Optional<RayStatusView> state(UUID clusterId) {
        return jdbc.sql("SELECT * FROM ray_state WHERE cluster_id = ?")
                .param(clusterId)
                .query((rs, i) -> new RayStatusView(
                        clusterId,
                        RayState.valueOf(rs.getString("state")),
                        rs.getString("head_address"),
                        rs.getInt("nodes_alive"),
                        rs.getInt("nodes_expected"),
                        rs.getInt("npus_total"),
                        rs.getInt("npus_expected"),
                        rs.getString("dashboard_url"),
                        rs.getString("message"),
                        rs.getObject("job_id", UUID.class),
                        rs.getTimestamp("checked_at").toInstant()))
                .optional();
    }

    /** Records the env {@code ray start} ran with on a node; secrets are stored masked, the hash covers them. */
    @Transactional
    void rayStarted(UUID clusterId, UUID nodeId, String nodeName, RayEnv env) {
        String text = env.sorted().entrySet().stream()
                .map(e -> e.getKey() + "=" + (RayEnv.isSecret(e.getKey()) ? "****" : e.getValue()))
                .collect(Collectors.joining("\n"));
        ensureNode(clusterId, nodeId, nodeName);
        jdbc.sql("UPDATE ray_node SET env_hash = ?, env_text = ?, ray_started_at = ?, updated_at = ?"
                        + " WHERE cluster_id = ? AND node_id = ?")
                .params(env.hash(), cut(text, 16000), now(), now(), clusterId, nodeId)
                .update();
    }

    /** Forgets the env of every node (after {@code ray stop}): the next start is a fresh one. */
    @Transactional
    void rayStopped(UUID clusterId) {
        jdbc.sql("UPDATE ray_node SET env_hash = NULL, updated_at = ? WHERE cluster_id = ?")
                .params(now(), clusterId)
                .update();
    }

    @Transactional(readOnly = true)
    Optional<String> envHash(UUID clusterId, UUID nodeId) {
        return jdbc.sql("SELECT env_hash FROM ray_node WHERE cluster_id = ? AND node_id = ?")
                .params(clusterId, nodeId)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(o -> o);
    }

    @Transactional(readOnly = true)
    Map<String, String> envValues(UUID clusterId, UUID nodeId) {
        return jdbc.sql("SELECT env_text FROM ray_node WHERE cluster_id = ? AND node_id = ?")
                .params(clusterId, nodeId)
                .query((rs, i) -> String.valueOf(rs.getString(1)))
                .optional()
                .map(RayStore::parseEnv)
                .orElse(Map.of());
    }

    /** Replaces the runbook of each node that ran commands in {@code jobId}. */
    @Transactional
    void saveRunbook(UUID clusterId, UUID jobId, Map<UUID, String> names, Map<UUID, List<String>> commands) {
        commands.forEach((nodeId, lines) -> {
            ensureNode(clusterId, nodeId, names.getOrDefault(nodeId, nodeId.toString()));
            jdbc.sql("UPDATE ray_node SET commands = ?, commands_job_id = ?, updated_at = ?"
                            + " WHERE cluster_id = ? AND node_id = ?")
                    .params(cut(String.join("\n", lines), 200000), jobId, now(), clusterId, nodeId)
                    .update();
        });
    }

    @Transactional(readOnly = true)
    List<RayRunbook.NodeCommands> runbook(UUID clusterId) {
        return new ArrayList<>(jdbc.sql("SELECT * FROM ray_node WHERE cluster_id = ? ORDER BY node_name")
                .param(clusterId)
                .query((rs, i) -> {
                    String commands = rs.getString("commands");
                    Timestamp started = rs.getTimestamp("ray_started_at");
                    return new RayRunbook.NodeCommands(
                            rs.getObject("node_id", UUID.class),
                            rs.getString("node_name"),
                            rs.getObject("commands_job_id", UUID.class),
                            commands == null || commands.isEmpty() ? List.of() : List.of(commands.split("\n")),
                            rs.getString("env_text"),
                            started == null ? null : started.toInstant());
                })
                .list());
    }

    private void ensureNode(UUID clusterId, UUID nodeId, String nodeName) {
        int updated = jdbc.sql("UPDATE ray_node SET node_name = ? WHERE cluster_id = ? AND node_id = ?")
                .params(nodeName, clusterId, nodeId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ray_node (cluster_id, node_id, node_name, updated_at) VALUES (?, ?, ?, ?)")
                    .params(clusterId, nodeId, nodeName, now())
                    .update();
        }
    }

    private static Map<String, String> parseEnv(String text) {
        Map<String, String> env = new java.util.TreeMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
