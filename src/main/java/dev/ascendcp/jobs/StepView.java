package dev.ascendcp.jobs;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One step of a job as the API shows it. */
public record StepView(
        UUID id,
        UUID nodeId,
        String nodeName,
        String name,
        int stage,
        int position,
        StepStatus status,
        @Nullable Integer exitCode,
        int attempts,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String reason,
        @Nullable String message) {}
