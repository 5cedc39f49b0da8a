package dev.ascendcp.inventory;

import dev.ascendcp.ssh.HostKeyListener;
import dev.ascendcp.ssh.HostKeyPin;
import dev.ascendcp.ssh.HostKeyPolicy;
import dev.ascendcp.ssh.JumpHost;
import dev.ascendcp.ssh.SshAuth;
import dev.ascendcp.ssh.SshTarget;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * SSH access to inventory nodes: the {@link SshTarget} of a node (its id is the node id, so connections are shared per
 * node), and the host-key listener that stores trust-on-first-use pins and offered keys back into the inventory.
 */
@Component
public class NodeSshTargets implements HostKeyListener {

    private static final Logger log = LoggerFactory.getLogger(NodeSshTargets.class);

    private final NodeConnections connections;

    NodeSshTargets(NodeConnections connections) {
        this.connections = connections;
    }

    /**
     * How to reach a node, secrets decrypted: build it just before connecting and do not keep it.
     *
     * @throws InventoryException (404) when there is no such node
     */
    public SshTarget target(UUID nodeId) {
        ConnectionDetails details = connections.resolve(nodeId);
        SshTarget target = SshTarget.of(
                        nodeId.toString(), details.host(), details.port(), details.username(), auth(details.secret()))
                .withSudo(details.sudo())
                .withHostKeyPolicy(HostKeyPolicy.valueOf(details.hostKeyPolicy().name()));
        ConnectionDetails.PinnedHostKey pin = details.pinnedHostKey();
        if (pin != null) {
            target =
                    target.withPinnedHostKey(new HostKeyPin(pin.algorithm(), pin.fingerprint(), pin.publicKeyBase64()));
        }
        ConnectionDetails.JumpHost jump = details.jumpHost();
        if (jump != null) {
            target = target.withJumpHost(JumpHost.of(jump.host(), jump.port(), jump.username(), auth(jump.secret())));
        }
        return target;
    }

    @Override
    public boolean onFirstSeen(String targetId, String algorithm, String fingerprint, String base64) {
        return nodeId(targetId)
                .map(id -> connections.recordFirstSeenHostKey(id, algorithm, fingerprint, base64))
                .orElse(true);
    }

    @Override
    public void onMismatch(
            String targetId,
            @Nullable String expectedFingerprint,
            String offeredAlgorithm,
            String offeredFingerprint,
            String offeredBase64) {
        nodeId(targetId)
                .ifPresent(id ->
                        connections.recordOfferedHostKey(id, offeredAlgorithm, offeredFingerprint, offeredBase64));
    }

    private static Optional<UUID> nodeId(String targetId) {
        try {
            return Optional.of(UUID.fromString(targetId));
        } catch (IllegalArgumentException e) {
            // Jump hosts ("jump:host:port") are not inventory nodes: their keys are checked per connection only.
            log.debug("Host key of {} is not stored in the inventory", targetId);
            return Optional.empty();
        }
    }

    private static SshAuth auth(ConnectionDetails.Secret secret) {
        if (secret.kind() == CredentialKind.PASSWORD) {
            return SshAuth.password(new String(nonNull(secret.password())));
        }
        char[] passphrase = secret.passphrase();
        return SshAuth.key(nonNull(secret.privateKey()), passphrase == null ? null : new String(passphrase));
    }

    private static <T> T nonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("credential has no secret of its kind");
        }
        return value;
    }
}
