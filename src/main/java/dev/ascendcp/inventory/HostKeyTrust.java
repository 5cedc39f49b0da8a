package dev.ascendcp.inventory;

import dev.ascendcp.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An ADMIN's decisions about host keys: trusting a node's new key, or pinning keys from a known_hosts file. */
@Service
class HostKeyTrust {

    static final int MAX_LINES = 20_000;

    private final NodeRepository nodes;
    private final ClusterRepository clusters;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    HostKeyTrust(NodeRepository nodes, ClusterRepository clusters, AuditLog audit) {
        this.nodes = nodes;
        this.clusters = clusters;
        this.audit = audit;
    }

    /** Pins the node's pending key when {@code fingerprint} is exactly its fingerprint. */
    @Transactional
    NodeResponse trust(UUID nodeId, String fingerprint) {
        Node node = nodes.findById(nodeId).orElseThrow(() -> InventoryException.notFound("node", nodeId));
        if (node.getPendingKeyFingerprint() == null) {
            throw InventoryException.conflict(
                    "no-pending-host-key",
                    "fingerprint",
                    "cannot be trusted: the node has offered no new host key (connect to it first)");
        }
        if (!node.getPendingKeyFingerprint().equals(fingerprint)) {
            throw InventoryException.unprocessable(
                    "fingerprint-mismatch",
                    List.of(new FieldProblem(
                            "fingerprint",
                            "does not match the key the node offered (" + node.getPendingKeyFingerprint() + ")")));
        }
        String previous = node.getHostKeyFingerprint();
        node.trustPendingHostKey(Instant.now(clock));
        audit.record(
                "node.host-key.trust",
                "node:" + node.getName(),
                "pinned " + node.getHostKeyAlgorithm() + " " + fingerprint + ", replacing "
                        + (previous == null ? "none" : previous));
        return NodeResponse.of(node, clusters.findClusterIdOfNode(nodeId).orElse(null));
    }

    /** Pins keys for the nodes a known_hosts file names; a node's existing, different pin is left alone. */
    @Transactional
    KnownHostsResult importKnownHosts(String text) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw InventoryException.invalid(
                    List.of(new FieldProblem("body", "has more than " + MAX_LINES + " lines")));
        }
        List<Node> all = nodes.findAll();
        Set<UUID> pinnedNow = new HashSet<>();
        List<KnownHostsResult.Line> results = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            KnownHostsResult.Line result = line(i + 1, lines[i], all, pinnedNow);
            if (result != null) {
                results.add(result);
            }
        }
        return KnownHostsResult.of(results);
    }

    private KnownHostsResult.@Nullable Line line(int number, String text, List<Node> all, Set<UUID> pinnedNow) {
        KnownHostsLine line;
        try {
            line = KnownHostsLine.parse(text);
        } catch (IllegalArgumentException e) {
            return new KnownHostsResult.Line(number, "INVALID", List.of(), null, e.getMessage());
        }
        if (line == null) {
            return null;
        }
        List<KnownHostsResult.NodeOutcome> outcomes = new ArrayList<>();
        for (Node node : all) {
            if (line.matches(node.getHost(), node.getSshPort())) {
                outcomes.add(
                        new KnownHostsResult.NodeOutcome(node.getId(), node.getName(), pin(node, line, pinnedNow)));
            }
        }
        String status = outcomes.isEmpty() ? "NO_MATCH" : "MATCHED";
        return new KnownHostsResult.Line(number, status, outcomes, line.fingerprint(), null);
    }

    private String pin(Node node, KnownHostsLine line, Set<UUID> pinnedNow) {
        if (line.fingerprint().equals(node.getHostKeyFingerprint())) {
            return "UNCHANGED";
        }
        if (node.hasPinnedHostKey()) {
            return pinnedNow.contains(node.getId())
                    ? "SKIPPED_ANOTHER_KEY_PINNED_FROM_THIS_FILE"
                    : "CONFLICT_DIFFERENT_KEY_PINNED";
        }
        node.pinHostKey(line.algorithm(), line.fingerprint(), line.publicKeyBase64(), Instant.now(clock));
        pinnedNow.add(node.getId());
        audit.record(
                "node.host-key.known-hosts",
                "node:" + node.getName(),
                "pinned " + line.algorithm() + " " + line.fingerprint());
        return "PINNED";
    }
}
