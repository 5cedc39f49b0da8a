package dev.ascendcp.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** OpenSSH's {@code SHA256:} fingerprint of a public key blob, as {@code ssh-keygen -l} prints it. */
final class HostKeyFingerprint {

    private HostKeyFingerprint() {}

    static String of(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
