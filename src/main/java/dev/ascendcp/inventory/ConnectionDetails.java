package dev.ascendcp.inventory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to open an SSH session to a node, secrets decrypted. Hold it only as long as the connection
 * attempt; {@link #toString()} never shows a secret.
 *
 * @param pinnedHostKey the trusted host key, or {@code null} when none is pinned yet (TOFU: pin the first seen one
 *     with {@link NodeConnections#recordFirstSeenHostKey}; STRICT: refuse to connect)
 */
public record ConnectionDetails(
        UUID nodeId,
        String nodeName,
        String host,
        int port,
        String username,
        Secret secret,
        boolean sudo,
        @Nullable JumpHost jumpHost,
        HostKeyPolicy hostKeyPolicy,
        @Nullable PinnedHostKey pinnedHostKey) {

    /**
     * A decrypted login secret: a private key (with its passphrase when encrypted) or a password.
     *
     * @param privateKey the key file's text for {@link CredentialKind#PRIVATE_KEY}
     * @param passphrase the key's passphrase, or {@code null} when the key is not encrypted
     * @param password the password for {@link CredentialKind#PASSWORD}
     */
    public record Secret(
            CredentialKind kind,
            @Nullable String privateKey,
            char @Nullable [] passphrase,
            char @Nullable [] password) {

        @Override
        public String toString() {
            return "Secret[kind=" + kind + ", ***]";
        }
    }

    /**
     * A bastion to reach the node through, with its own login.
     *
     * @param pinnedHostKey the bastion's trusted host key (one per host and port, shared by every node behind it), or
     *     {@code null} when none is pinned yet; the node's {@link HostKeyPolicy} applies to the bastion too
     */
    public record JumpHost(
            String host,
            int port,
            String username,
            Secret secret,
            @Nullable PinnedHostKey pinnedHostKey) {

        @Override
        public String toString() {
            return "JumpHost[" + username + "@" + host + ":" + port + ", " + secret + ", pinned="
                    + (pinnedHostKey == null ? "none" : pinnedHostKey.fingerprint()) + "]";
        }
    }

    /** A trusted host key; {@code publicKeyBase64} is the wire-form blob as in {@code known_hosts}. */
    public record PinnedHostKey(String algorithm, String fingerprint, String publicKeyBase64) {}

    @Override
    public String toString() {
        return "ConnectionDetails[node=" + nodeName + " " + username + "@" + host + ":" + port + ", " + secret
                + ", sudo=" + sudo + ", jumpHost=" + jumpHost + ", policy=" + hostKeyPolicy + ", pinned="
                + (pinnedHostKey == null ? "none" : pinnedHostKey.fingerprint()) + "]";
    }
}
