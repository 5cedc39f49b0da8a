package dev.ascendcp.jobs;

import org.jspecify.annotations.Nullable;

/**
 * What a step's run came to. A failure carries a stable {@code reason} (e.g. {@code NON_ZERO_EXIT},
 * {@code CONNECT_TIMEOUT}), a human message, the exit code if a command ran, and whether it is transient: the engine
 * retries transient failures with backoff ({@code hccn_tool is busy}, connection reset, connect timeout).
 */
public record StepOutcome(
        Kind kind,
        @Nullable String reason,
        @Nullable String message,
        @Nullable Integer exitCode,
        boolean transientFailure) {

    /** The three ways a step ends. */
    public enum Kind {
        SUCCEEDED,
        FAILED,
        SKIPPED
    }

    public static StepOutcome succeeded() {
        return new StepOutcome(Kind.SUCCEEDED, null, null, 0, false);
    }

    public static StepOutcome succeeded(@Nullable String message) {
        return new StepOutcome(Kind.SUCCEEDED, null, message, 0, false);
    }

    /** A permanent failure: the engine does not retry it. */
    public static StepOutcome failed(String reason, String message, @Nullable Integer exitCode) {
        return new StepOutcome(Kind.FAILED, reason, message, exitCode, false);
    }

    /** A failure worth retrying (busy tool, connection reset, connect timeout). */
    public static StepOutcome transientFailure(String reason, String message, @Nullable Integer exitCode) {
        return new StepOutcome(Kind.FAILED, reason, message, exitCode, true);
    }

    /** The step had nothing to do, e.g. the container already runs with the same spec. */
    public static StepOutcome skipped(String message) {
        return new StepOutcome(Kind.SKIPPED, null, message, null, false);
    }

    public boolean isFailure() {
        return kind == Kind.FAILED;
    }
}
