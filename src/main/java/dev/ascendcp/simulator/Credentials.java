package dev.ascendcp.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.jspecify.annotations.Nullable;

/** The one login every simulated node of a cluster accepts: a user name with a password and/or public keys. */
final class Credentials {

    private final String username;
    private volatile byte @Nullable [] password;
    private final List<PublicKey> keys = new CopyOnWriteArrayList<>();

    Credentials(String username, @Nullable String password, List<String> authorizedKeys) {
        this.username = username;
        setPassword(password);
        authorizedKeys.forEach(this::authorize);
    }

    String username() {
        return username;
    }

    void setPassword(@Nullable String pw) {
        password = pw == null ? null : pw.getBytes(StandardCharsets.UTF_8);
    }

    /** Accepts an OpenSSH authorized-key line; throws IllegalArgumentException when it is not one. */
    void authorize(String authorizedKeyLine) {
        try {
            PublicKey key = AuthorizedKeyEntry.parseAuthorizedKeyEntry(authorizedKeyLine.trim())
                    .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            keys.add(key);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an OpenSSH public key line", e);
        }
    }

    boolean passwordMatches(String user, String candidate) {
        byte[] expected = password;
        return expected != null
                && username.equals(user)
                && MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8));
    }

    boolean keyMatches(String user, PublicKey key) {
        return username.equals(user) && keys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
    }
}
