package dev.ascendcp.inventory;

import dev.ascendcp.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An ADMIN's decision to trust the new host key a node, or the node's jump host, offered after a mismatch. */
@Service
class HostKeyTrust {

    private final NodeRepository nodes;
    private final JumpHostKeyRepository jumpHostKeys;
    private final NodeService nodeService;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    HostKeyTrust(NodeRepository nodes, JumpHostKeyRepository jumpHostKeys, NodeService nodeService, AuditLog audit) {
        this.nodes = nodes;
        this.jumpHostKeys = jumpHostKeys;
        this.nodeService = nodeService;
        this.audit = audit;
    }

    /** Pins the node's pending key when {@code fingerprint} is exactly its fingerprint. */
    @Transactional
    NodeResponse trust(UUID nodeId, String fingerprint) {
        Node node = node(nodeId);
        checkPending(node.getPendingKeyFingerprint(), fingerprint, "node");
        String previous = node.getHostKeyFingerprint();
        node.trustPendingHostKey(Instant.now(clock));
        audit.record(
                "node.host-key.trust",
                "node:" + node.getName(),
                "pinned " + node.getHostKeyAlgorithm() + " " + fingerprint + ", replacing "
                        + (previous == null ? "none" : previous));
        return nodeService.response(node);
    }

    /**
     * Pins the key the node's jump host offered when {@code fingerprint} is exactly its fingerprint. The pin belongs
     * to the jump host's address, so it applies to every node behind the same bastion.
     */
    @Transactional
    NodeResponse trustJumpHost(UUID nodeId, String fingerprint) {
        Node node = node(nodeId);
        JumpEndpoint endpoint = JumpHostKeys.endpointOf(node);
        if (endpoint == null) {
            throw InventoryException.conflict(
                    "no-jump-host", "jumpHost", "is not set: the node is reached directly, trust its own host key");
        }
        JumpHostKey key = jumpHostKeys.find(endpoint).orElseThrow(() -> noPendingKey("jump host"));
        checkPending(key.getPendingKeyFingerprint(), fingerprint, "jump host");
        String previous = key.getFingerprint();
        key.trustPending(Instant.now(clock));
        jumpHostKeys.saveAndFlush(key);
        audit.record(
                "jump-host.host-key.trust",
                endpoint.auditTarget(),
                "pinned " + key.getAlgorithm() + " " + fingerprint + ", replacing "
                        + (previous == null ? "none" : previous) + " (from node " + node.getName() + ")");
        return nodeService.response(node);
    }

    private static void checkPending(@Nullable String pending, String fingerprint, String who) {
        if (pending == null) {
            throw noPendingKey(who);
        }
        if (!pending.equals(fingerprint)) {
            throw InventoryException.unprocessable(
                    "fingerprint-mismatch",
                    List.of(new FieldProblem(
                            "fingerprint", "does not match the key the " + who + " offered (" + pending + ")")));
        }
    }

    private static InventoryException noPendingKey(String who) {
        return InventoryException.conflict(
                "no-pending-host-key",
                "fingerprint",
                "cannot be trusted: the " + who + " has offered no new host key (connect to the node first)");
    }

    private Node node(UUID id) {
        return nodes.findById(id).orElseThrow(() -> InventoryException.notFound("node", id));
    }
}
