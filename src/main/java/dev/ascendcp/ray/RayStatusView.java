package dev.ascendcp.ray;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Ray section of a cluster's status: what the last post-check (or teardown) found. {@code message} says what is
 * wrong when the state is DEGRADED.
 */
public record RayStatusView(
        UUID clusterId,
        RayState state,
        @Nullable String headAddress,
        int nodesAlive,
        int nodesExpected,
        int npusTotal,
        int npusExpected,
        @Nullable String dashboardUrl,
        @Nullable String message,
        @Nullable UUID jobId,
        @Nullable Instant checkedAt) {

    static RayStatusView notStarted(UUID clusterId) {
        return new RayStatusView(clusterId, RayState.NOT_STARTED, null, 0, 0, 0, 0, null, null, null, null);
    }
}
