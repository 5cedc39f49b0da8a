package dev.ascendcp.ssh;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a command ended. {@code exitCode} is null when the command never ran, was killed, or ended by a signal;
 * {@code failure} is null exactly when the command ran and exited with 0.
 */
public record ExecResult(
        @Nullable Integer exitCode,
        CapturedOutput stdout,
        CapturedOutput stderr,
        Duration duration,
        @Nullable ExecFailure failure) {

    public ExecResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(duration, "duration");
    }

    static ExecResult failed(ExecFailure failure, Duration duration) {
        return new ExecResult(null, CapturedOutput.EMPTY, CapturedOutput.EMPTY, duration, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public @Nullable FailureReason failureReason() {
        return failure == null ? null : failure.reason();
    }
}
