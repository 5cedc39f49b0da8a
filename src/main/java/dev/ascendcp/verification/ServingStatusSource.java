package dev.ascendcp.verification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Port through which the cluster status learns whether a model is served. The serving module implements it; without
 * an implementation every cluster shows {@code STOPPED}.
 */
public interface ServingStatusSource {

    ServingStatus servingStatus(UUID clusterId);

    /** The {@code serving} section of {@code GET /api/v1/clusters/{id}/status}. */
    record ServingStatus(
            String state,
            @Nullable String url,
            @Nullable String model,
            @Nullable Instant checkedAt) {

        public static ServingStatus stopped() {
            return new ServingStatus("STOPPED", null, null, null);
        }
    }
}
