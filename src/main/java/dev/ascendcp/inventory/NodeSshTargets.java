package dev.ascendcp.inventory;

import dev.ascendcp.ssh.HostKeyListener;
import dev.ascendcp.ssh.HostKeyPin;
import dev.ascendcp.ssh.HostKeyPolicy;
import dev.ascendcp.ssh.JumpHost;
import dev.ascendcp.ssh.SshAuth;
import dev.ascendcp.ssh.SshTarget;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * SSH access to inventory nodes: the {@link SshTarget} of a node (its id is the node id, so connections are shared per
 * node), and the host-key listener that stores trust-on-first-use pins and offered keys back into the inventory.
 *
 * <p>A node's jump host is checked under the node's {@link HostKeyPolicy}: {@code STRICT} covers the bastion too (it
 * is reached only with a pinned key), {@code TOFU} pins the bastion's first key. The bastion's pin belongs to its host
 * and port, so all nodes behind one bastion share it: once pinned, by whichever node or by a known_hosts import, it is
 * enforced for all of them, and a changed bastion key is refused before any login is sent.
 */
@Component
public class NodeSshTargets implements HostKeyListener {

    private static final Logger log = LoggerFactory.getLogger(NodeSshTargets.class);

    private final NodeConnections connections;
    private final JumpHostKeys jumpHostKeys;

    NodeSshTargets(NodeConnections connections, JumpHostKeys jumpHostKeys) {
        this.connections = connections;
        this.jumpHostKeys = jumpHostKeys;
    }

    /**
     * How to reach a node, secrets decrypted: build it just before connecting and do not keep it.
     *
     * @throws InventoryException (404) when there is no such node
     */
    public SshTarget target(UUID nodeId) {
        ConnectionDetails details = connections.resolve(nodeId);
        HostKeyPolicy policy = HostKeyPolicy.valueOf(details.hostKeyPolicy().name());
        SshTarget target = SshTarget.of(
                        nodeId.toString(), details.host(), details.port(), details.username(), auth(details.secret()))
                .withSudo(details.sudo())
                .withHostKeyPolicy(policy)
                .withPinnedHostKey(pin(details.pinnedHostKey()));
        ConnectionDetails.JumpHost jump = details.jumpHost();
        if (jump != null) {
            target = target.withJumpHost(JumpHost.of(jump.host(), jump.port(), jump.username(), auth(jump.secret()))
                    .withHostKeyPolicy(policy)
                    .withPinnedHostKey(pin(jump.pinnedHostKey())));
        }
        return target;
    }

    @Override
    public boolean onFirstSeen(String targetId, String algorithm, String fingerprint, String base64) {
        Optional<UUID> node = nodeId(targetId);
        if (node.isPresent()) {
            return connections.recordFirstSeenHostKey(node.get(), algorithm, fingerprint, base64);
        }
        Optional<JumpEndpoint> jump = JumpEndpoint.fromTargetId(targetId);
        if (jump.isPresent()) {
            return retryingARace(() -> jumpHostKeys.recordFirstSeen(jump.get(), algorithm, fingerprint, base64));
        }
        log.debug("Host key of {} is not stored in the inventory", targetId);
        return true;
    }

    @Override
    public void onMismatch(
            String targetId,
            @Nullable String expectedFingerprint,
            String offeredAlgorithm,
            String offeredFingerprint,
            String offeredBase64) {
        Optional<UUID> node = nodeId(targetId);
        if (node.isPresent()) {
            connections.recordOfferedHostKey(node.get(), offeredAlgorithm, offeredFingerprint, offeredBase64);
            return;
        }
        JumpEndpoint.fromTargetId(targetId)
                .ifPresent(jump -> retryingARace(() -> {
                    jumpHostKeys.recordOffered(jump, offeredAlgorithm, offeredFingerprint, offeredBase64);
                    return true;
                }));
    }

    /**
     * Nodes behind one bastion often connect at once (the first job on a cluster): only one can create the bastion's
     * row, the others see it on a second try.
     */
    private static boolean retryingARace(Supplier<Boolean> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
            log.debug("Another connection stored the jump host key first; reading it again", e);
            return write.get();
        }
    }

    private static @Nullable HostKeyPin pin(ConnectionDetails.@Nullable PinnedHostKey pin) {
        return pin == null ? null : new HostKeyPin(pin.algorithm(), pin.fingerprint(), pin.publicKeyBase64());
    }

    private static Optional<UUID> nodeId(String targetId) {
        try {
            return Optional.of(UUID.fromString(targetId));
        } catch (IllegalArgumentException e) {
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
