package dev.ascendcp.inventory;

import dev.ascendcp.audit.AuditLog;
import dev.ascendcp.ssh.PublicKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's side of an SSH connection: how to reach a node, and what the node's host key turned out to be.
 * Call it outside any long transaction; each method runs in its own short one.
 */
@Service
public class NodeConnections {

    private final NodeRepository nodes;
    private final CredentialRepository credentials;
    private final JumpHostKeyRepository jumpHostKeys;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    NodeConnections(
            NodeRepository nodes,
            CredentialRepository credentials,
            JumpHostKeyRepository jumpHostKeys,
            SecretCipher cipher,
            AuditLog audit) {
        this.nodes = nodes;
        this.credentials = credentials;
        this.jumpHostKeys = jumpHostKeys;
        this.cipher = cipher;
        this.audit = audit;
    }

    /**
     * How to connect to a node, with the secrets decrypted.
     *
     * @throws InventoryException (404) when there is no such node
     */
    @Transactional(readOnly = true)
    public ConnectionDetails resolve(UUID nodeId) {
        Node node = node(nodeId);
        Credential login = credential(node.getCredentialId());
        ConnectionDetails.JumpHost jump = null;
        if (node.getJumpHost() != null && node.getJumpCredentialId() != null) {
            Credential jumpLogin = credential(node.getJumpCredentialId());
            ConnectionDetails.PinnedHostKey jumpPin = jumpHostKeys
                    .findFor(node)
                    .filter(JumpHostKey::hasPin)
                    .map(key -> new ConnectionDetails.PinnedHostKey(
                            String.valueOf(key.getAlgorithm()),
                            String.valueOf(key.getFingerprint()),
                            String.valueOf(key.getPublicKeyBlob())))
                    .orElse(null);
            jump = new ConnectionDetails.JumpHost(
                    node.getJumpHost(),
                    node.getJumpPort() == null ? 22 : node.getJumpPort(),
                    jumpLogin.getUsername(),
                    secret(jumpLogin),
                    jumpPin);
        }
        ConnectionDetails.PinnedHostKey pinned = node.getHostKeyFingerprint() == null
                ? null
                : new ConnectionDetails.PinnedHostKey(
                        String.valueOf(node.getHostKeyAlgorithm()),
                        node.getHostKeyFingerprint(),
                        String.valueOf(node.getHostKeyBlob()));
        return new ConnectionDetails(
                node.getId(),
                node.getName(),
                node.getHost(),
                node.getSshPort(),
                login.getUsername(),
                secret(login),
                node.isSudo(),
                jump,
                node.getHostKeyPolicy(),
                pinned);
    }

    /**
     * Pins the key a TOFU node showed on its first connection. Does nothing for a STRICT node or one that already has
     * a pin.
     *
     * @return whether the offered key is now the node's pinned key (also {@code true} when it already was)
     * @throws IllegalArgumentException when the fingerprint does not belong to the key
     */
    @Transactional
    public boolean recordFirstSeenHostKey(UUID nodeId, String algorithm, String fingerprint, String publicKeyBase64) {
        checkKey(algorithm, fingerprint, publicKeyBase64);
        Node node = node(nodeId);
        if (node.hasPinnedHostKey()) {
            return fingerprint.equals(node.getHostKeyFingerprint());
        }
        if (node.getHostKeyPolicy() != HostKeyPolicy.TOFU) {
            return false;
        }
        node.pinHostKey(algorithm, fingerprint, publicKeyBase64, Instant.now(clock));
        audit.record("node.host-key.first-seen", "node:" + node.getName(), algorithm + " " + fingerprint);
        return true;
    }

    /** Remembers a key that did not match the pin (or a STRICT node's unpinned key) for an ADMIN to trust. */
    @Transactional
    public void recordOfferedHostKey(UUID nodeId, String algorithm, String fingerprint, String publicKeyBase64) {
        checkKey(algorithm, fingerprint, publicKeyBase64);
        Node node = node(nodeId);
        if (fingerprint.equals(node.getHostKeyFingerprint()) || fingerprint.equals(node.getPendingKeyFingerprint())) {
            return;
        }
        node.offerHostKey(algorithm, fingerprint, publicKeyBase64, Instant.now(clock));
        audit.record(
                "node.host-key.mismatch",
                "node:" + node.getName(),
                "offered " + algorithm + " " + fingerprint + ", pinned "
                        + (node.getHostKeyFingerprint() == null ? "none" : node.getHostKeyFingerprint()));
    }

    /** Refuses a fingerprint or algorithm that does not belong to the key (the SSH layer computed all three). */
    static void checkKey(String algorithm, String fingerprint, String publicKeyBase64) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(publicKeyBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the host key is not base64");
        }
        if (!PublicKeys.fingerprint(blob).equals(fingerprint)
                || !PublicKeys.algorithm(blob).equals(algorithm)) {
            throw new IllegalArgumentException("the fingerprint or algorithm does not belong to the host key");
        }
    }

    private ConnectionDetails.Secret secret(Credential credential) {
        String secret = cipher.decrypt(credential.getEncryptedSecret());
        if (credential.getKind() == CredentialKind.PASSWORD) {
            return new ConnectionDetails.Secret(CredentialKind.PASSWORD, null, null, secret.toCharArray());
        }
        @Nullable
        String passphrase = credential.getEncryptedPassphrase() == null
                ? null
                : cipher.decrypt(credential.getEncryptedPassphrase());
        return new ConnectionDetails.Secret(
                CredentialKind.PRIVATE_KEY, secret, passphrase == null ? null : passphrase.toCharArray(), null);
    }

    private Node node(UUID id) {
        return nodes.findById(id).orElseThrow(() -> InventoryException.notFound("node", id));
    }

    private Credential credential(UUID id) {
        return credentials.findById(id).orElseThrow(() -> InventoryException.notFound("credential", id));
    }
}
