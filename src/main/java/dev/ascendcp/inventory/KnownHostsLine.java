package dev.ascendcp.inventory;

import dev.ascendcp.ssh.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * One key line of an OpenSSH {@code known_hosts} file: host patterns (plain, {@code [host]:port}, or hashed
 * {@code |1|salt|hash}), the key type and the base64 key. Wildcard and negated patterns never match: a pin is for
 * one host.
 */
record KnownHostsLine(List<String> patterns, String algorithm, String publicKeyBase64, String fingerprint) {

    /**
     * Parses a line; {@code null} for a blank line or a comment.
     *
     * @throws IllegalArgumentException with a reason when the line is malformed or uses a marker
     */
    static @Nullable KnownHostsLine parse(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        String[] fields = text.split("\\s+");
        if (fields[0].startsWith("@")) {
            throw new IllegalArgumentException("markers such as "
                    + fields[0].substring(0, Math.min(20, fields[0].length())) + " are not supported");
        }
        if (fields.length < 3) {
            throw new IllegalArgumentException("expected: host-patterns key-type base64-key");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
        String algorithm = PublicKeys.algorithm(blob);
        if (!algorithm.equals(fields[1])) {
            throw new IllegalArgumentException(
                    "the key type " + fields[1] + " does not match the key (" + algorithm + ")");
        }
        return new KnownHostsLine(List.of(fields[0].split(",")), algorithm, fields[2], PublicKeys.fingerprint(blob));
    }

    /** Whether this line names the node at {@code host} and {@code port} the way {@code ssh} would look it up. */
    boolean matches(String host, int port) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        for (String pattern : patterns) {
            if (pattern.startsWith("|1|") ? hashedMatches(pattern, name) : pattern.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hashedMatches(String pattern, String name) {
        String[] parts = pattern.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return MessageDigest.isEqual(expected, mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
