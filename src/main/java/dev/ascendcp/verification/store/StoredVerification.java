package dev.ascendcp.verification.store;

import dev.ascendcp.verification.ClusterVerification;
import dev.ascendcp.verification.PingStrategy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One finished verification: which job, when, by whom, the node ids by name (verdicts name nodes), and the verdict
 * with every ping result.
 */
public record StoredVerification(
        UUID id,
        UUID jobId,
        UUID clusterId,
        Instant checkedAt,
        String requestedBy,
        @Nullable PingStrategy strategy,
        int pingPackets,
        Map<String, UUID> nodeIds,
        ClusterVerification verification) {

    public StoredVerification {
        nodeIds = Map.copyOf(nodeIds);
        // the database keeps microseconds: a finer instant would sort the row before itself
        checkedAt = checkedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** NPUs whose own checks failed (not counting pings), over all nodes. */
    public int failingNpus() {
        return verification.nodes().stream()
                .mapToInt(n -> (int) n.npus().stream().filter(npu -> !npu.ok()).count())
                .sum();
    }
}
