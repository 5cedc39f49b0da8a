package dev.ascendcp.ssh;

import org.jspecify.annotations.Nullable;

/**
 * Told about host keys as connections are set up, so the inventory can pin them. Both methods are called during the
 * key exchange, before authentication, on an SSH transport thread: keep them short.
 */
public interface HostKeyListener {

    /** Ignores everything. */
    HostKeyListener NONE = new HostKeyListener() {
        @Override
        public void onFirstSeen(String targetId, String algorithm, String fingerprint, String base64) {}

        @Override
        public void onMismatch(
                String targetId,
                @Nullable String expectedFingerprint,
                String offeredAlgorithm,
                String offeredFingerprint,
                String offeredBase64) {}
    };

    /** A TOFU target without a pinned key offered this key, and it was accepted: pin it. */
    void onFirstSeen(String targetId, String algorithm, String fingerprint, String base64);

    /** The target offered a key other than the pinned one; the connection was refused. */
    void onMismatch(
            String targetId,
            @Nullable String expectedFingerprint,
            String offeredAlgorithm,
            String offeredFingerprint,
            String offeredBase64);
}
