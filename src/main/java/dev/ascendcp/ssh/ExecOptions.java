package dev.ascendcp.ssh;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to run one command. Null values fall back to {@link SshProperties}: {@code timeout} to the default command
 * timeout, the byte limits to the configured head/tail sizes, {@code hostKeyListener} to the application's listener.
 * A {@code deadline} caps the timeout (a job's overall deadline). Build from {@link #defaults()} with the withers.
 */
public record ExecOptions(
        @Nullable Duration timeout,
        @Nullable Instant deadline,
        @Nullable Integer headBytes,
        @Nullable Integer tailBytes,
        OutputSink sink,
        Cancellation cancellation,
        @Nullable HostKeyListener hostKeyListener) {

    public ExecOptions {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(cancellation, "cancellation");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if ((headBytes != null && headBytes < 0) || (tailBytes != null && tailBytes < 0)) {
            throw new IllegalArgumentException("output limits must not be negative");
        }
    }

    public static ExecOptions defaults() {
        return new ExecOptions(null, null, null, null, OutputSink.NONE, new Cancellation(), null);
    }

    public ExecOptions withTimeout(Duration newTimeout) {
        return new ExecOptions(newTimeout, deadline, headBytes, tailBytes, sink, cancellation, hostKeyListener);
    }

    public ExecOptions withDeadline(@Nullable Instant newDeadline) {
        return new ExecOptions(timeout, newDeadline, headBytes, tailBytes, sink, cancellation, hostKeyListener);
    }

    public ExecOptions withOutputLimits(int newHeadBytes, int newTailBytes) {
        return new ExecOptions(timeout, deadline, newHeadBytes, newTailBytes, sink, cancellation, hostKeyListener);
    }

    public ExecOptions withSink(OutputSink newSink) {
        return new ExecOptions(timeout, deadline, headBytes, tailBytes, newSink, cancellation, hostKeyListener);
    }

    public ExecOptions withCancellation(Cancellation newCancellation) {
        return new ExecOptions(timeout, deadline, headBytes, tailBytes, sink, newCancellation, hostKeyListener);
    }

    public ExecOptions withHostKeyListener(HostKeyListener listener) {
        return new ExecOptions(timeout, deadline, headBytes, tailBytes, sink, cancellation, listener);
    }
}
