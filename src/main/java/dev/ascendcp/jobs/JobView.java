package dev.ascendcp.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A job with its steps, as {@code GET /api/v1/jobs/{id}} shows it. */
public record JobView(
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
        Map<String, Object> options,
        @Nullable UUID retryOf,
        List<StepView> steps) {}
