package dev.ascendcp.verification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Port through which the cluster status learns the Ray state of a cluster. The ray module implements it; without an
 * implementation every cluster shows {@code NOT_STARTED}.
 */
public interface RayStatusSource {

    RayStatus rayStatus(UUID clusterId);

    /** The {@code ray} section of {@code GET /api/v1/clusters/{id}/status}. */
    record RayStatus(
            String state,
            @Nullable String headAddress,
            @Nullable Integer nodesAlive,
            @Nullable Integer npusTotal,
            @Nullable Instant checkedAt) {

        public static RayStatus notStarted() {
            return new RayStatus("NOT_STARTED", null, null, null, null);
        }
    }
}
