package dev.ascendcp.ssh;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why and how a command failed, in a sentence an operator can act on. For {@link FailureReason#HOST_KEY_MISMATCH}
 * both fingerprints are given ({@code expectedFingerprint} is null when STRICT found no pinned key).
 */
public record ExecFailure(
        FailureReason reason,
        String message,
        @Nullable String expectedFingerprint,
        @Nullable String offeredFingerprint) {

    public ExecFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public static ExecFailure of(FailureReason reason, String message) {
        return new ExecFailure(reason, message, null, null);
    }
}
