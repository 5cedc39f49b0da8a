package dev.ascendcp.jobs;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a phase is asked to plan: the cluster, the phase's options (as sent, unknown keys included), who asked, and for
 * a retry the original job and the nodes it is restricted to (empty = all nodes).
 */
public record JobRequest(
        UUID clusterId,
        PhaseKind phase,
        Map<String, Object> options,
        String requestedBy,
        @Nullable UUID retryOf,
        Set<UUID> nodeIds) {

    public JobRequest {
        options = Map.copyOf(options);
        nodeIds = Set.copyOf(nodeIds);
    }

    /** A first run over all nodes of the cluster. */
    public static JobRequest of(UUID clusterId, PhaseKind phase, Map<String, Object> options, String requestedBy) {
        return new JobRequest(clusterId, phase, options, requestedBy, null, Set.of());
    }
}
