package dev.ascendcp.ssh;

import java.util.Base64;
import java.util.Objects;

/**
 * A pinned host key: the SSH algorithm name (e.g. {@code ssh-ed25519}), its OpenSSH fingerprint
 * ({@code SHA256:<base64 without padding>}) and the public key blob in base64, as in {@code known_hosts}.
 */
public record HostKeyPin(String algorithm, String fingerprint, String base64) {

    public HostKeyPin {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(base64, "base64");
        if (algorithm.isBlank()) {
            throw new IllegalArgumentException("host key algorithm must not be blank");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host key is not valid base64", e);
        }
        String computed = PublicKeys.fingerprint(blob);
        if (!computed.equals(fingerprint)) {
            throw new IllegalArgumentException(
                    "host key fingerprint " + fingerprint + " does not match the key blob (" + computed + ")");
        }
    }

    /** A pin computed from a base64 key blob. */
    public static HostKeyPin of(String algorithm, String base64) {
        return new HostKeyPin(
                algorithm, PublicKeys.fingerprint(Base64.getDecoder().decode(base64)), base64);
    }
}
