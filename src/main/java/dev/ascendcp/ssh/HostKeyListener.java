package dev.ascendcp.ssh;

import org.jspecify.annotations.Nullable;

/**
 * Told about host keys as connections are set up, so the inventory can pin them. Both methods are called during the
 * key exchange, before authentication, on an SSH transport thread: keep them short.
 */
public interface HostKeyListener {

    /** Accepts every first-seen key and remembers nothing. */
    HostKeyListener NONE = new HostKeyListener() {
        @Override
        public boolean onFirstSeen(String targetId, String algorithm, String fingerprint, String base64) {
            return true;
        }

        @Override
        public void onMismatch(
                String targetId,
                @Nullable String expectedFingerprint,
                String offeredAlgorithm,
                String offeredFingerprint,
                String offeredBase64) {}
    };

    /**
     * A TOFU target without a pinned key offered this key: pin it. Answer {@code false} to refuse the key after all,
     * e.g. because another connection pinned a different key for the same target meanwhile; the connection then fails
     * with {@link FailureReason#HOST_KEY_MISMATCH} before authentication.
     *
     * @return whether the key is now the target's pinned key
     */
    boolean onFirstSeen(String targetId, String algorithm, String fingerprint, String base64);

    /**
     * The target offered a key other than the pinned one ({@code expectedFingerprint}), or a STRICT target without a
     * pin offered a key ({@code expectedFingerprint} is {@code null}); the connection was refused. Keep the offered
     * key for an administrator to compare and trust.
     */
    void onMismatch(
            String targetId,
            @Nullable String expectedFingerprint,
            String offeredAlgorithm,
            String offeredFingerprint,
            String offeredBase64);
}
