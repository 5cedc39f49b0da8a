package dev.ascendcp.jobs;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Optional criteria of a job list. */
public record JobFilter(
        @Nullable UUID clusterId,
        @Nullable PhaseKind phase,
        @Nullable JobStatus status) {

    public static JobFilter none() {
        return new JobFilter(null, null, null);
    }
}
