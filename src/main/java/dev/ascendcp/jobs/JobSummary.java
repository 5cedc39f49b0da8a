package dev.ascendcp.jobs;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A job without its steps, as job lists show it. */
public record JobSummary(
        UUID id,
        UUID clusterId,
        String clusterName,
        PhaseKind phase,
        JobStatus status,
        String requestedBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        Progress progress,
        @Nullable JobError error,
        @Nullable UUID retryOf) {}
