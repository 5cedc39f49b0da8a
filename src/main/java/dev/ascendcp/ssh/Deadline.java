package dev.ascendcp.ssh;

import java.time.Duration;
import java.time.Instant;

/** When a running command is stopped: its timeout after it started, or the overall deadline if that comes first. */
record Deadline(Instant at, Duration timeout, boolean overall) {

    static Deadline of(Instant started, ExecOptions options, SshProperties properties) {
        Duration timeout = options.timeout() != null ? options.timeout() : properties.commandTimeout();
        Instant byTimeout = started.plus(timeout);
        Instant overall = options.deadline();
        if (overall != null && overall.isBefore(byTimeout)) {
            return new Deadline(overall, timeout, true);
        }
        return new Deadline(byTimeout, timeout, false);
    }

    long remainingNanos() {
        return Math.max(0, Duration.between(Instant.now(), at).toNanos());
    }

    boolean passed() {
        return !Instant.now().isBefore(at);
    }

    String describe() {
        return overall ? "reached the overall deadline " + at : "timed out after " + timeout;
    }
}
