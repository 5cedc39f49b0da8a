package dev.ascendcp.inventory;

import dev.ascendcp.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An ADMIN pins keys from an OpenSSH known_hosts file: for the nodes it names, and for the jump hosts the nodes are
 * reached through. An existing, different pin is left alone (trust the new key after a mismatch instead).
 */
@Service
class KnownHostsImport {

    static final int MAX_LINES = 20_000;

    private final NodeRepository nodes;
    private final JumpHostKeyRepository jumpHostKeys;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    KnownHostsImport(NodeRepository nodes, JumpHostKeyRepository jumpHostKeys, AuditLog audit) {
        this.nodes = nodes;
        this.jumpHostKeys = jumpHostKeys;
        this.audit = audit;
    }

    /** What one import sees and has pinned so far: the nodes and the jump host endpoints. */
    private record Run(
            List<Node> nodes, Set<JumpEndpoint> jumpHosts, Set<UUID> pinnedNodes, Set<JumpEndpoint> pinnedJumpHosts) {}

    @Transactional
    KnownHostsResult run(String text) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw InventoryException.invalid(
                    List.of(new FieldProblem("body", "has more than " + MAX_LINES + " lines")));
        }
        List<Node> all = nodes.findAll();
        Set<JumpEndpoint> jumpHosts =
                new TreeSet<>(Comparator.comparing(JumpEndpoint::host).thenComparing(JumpEndpoint::port));
        for (Node node : all) {
            JumpEndpoint endpoint = JumpHostKeys.endpointOf(node);
            if (endpoint != null) {
                jumpHosts.add(endpoint);
            }
        }
        Run run = new Run(all, jumpHosts, new HashSet<>(), new HashSet<>());
        List<KnownHostsResult.Line> results = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            KnownHostsResult.Line result = line(i + 1, lines[i], run);
            if (result != null) {
                results.add(result);
            }
        }
        return KnownHostsResult.of(results);
    }

    private KnownHostsResult.@Nullable Line line(int number, String text, Run run) {
        KnownHostsLine line;
        try {
            line = KnownHostsLine.parse(text);
        } catch (IllegalArgumentException e) {
            return new KnownHostsResult.Line(number, "INVALID", List.of(), List.of(), null, e.getMessage());
        }
        if (line == null) {
            return null;
        }
        List<KnownHostsResult.NodeOutcome> outcomes = new ArrayList<>();
        for (Node node : run.nodes()) {
            if (line.matches(node.getHost(), node.getSshPort())) {
                outcomes.add(new KnownHostsResult.NodeOutcome(node.getId(), node.getName(), pin(node, line, run)));
            }
        }
        List<KnownHostsResult.JumpHostOutcome> jumpOutcomes = new ArrayList<>();
        for (JumpEndpoint endpoint : run.jumpHosts()) {
            if (line.matches(endpoint.host(), endpoint.port())) {
                jumpOutcomes.add(new KnownHostsResult.JumpHostOutcome(
                        endpoint.host(), endpoint.port(), pin(endpoint, line, run)));
            }
        }
        String status = outcomes.isEmpty() && jumpOutcomes.isEmpty() ? "NO_MATCH" : "MATCHED";
        return new KnownHostsResult.Line(number, status, outcomes, jumpOutcomes, line.fingerprint(), null);
    }

    private String pin(Node node, KnownHostsLine line, Run run) {
        if (line.fingerprint().equals(node.getHostKeyFingerprint())) {
            return "UNCHANGED";
        }
        if (node.hasPinnedHostKey()) {
            return run.pinnedNodes().contains(node.getId())
                    ? "SKIPPED_ANOTHER_KEY_PINNED_FROM_THIS_FILE"
                    : "CONFLICT_DIFFERENT_KEY_PINNED";
        }
        node.pinHostKey(line.algorithm(), line.fingerprint(), line.publicKeyBase64(), Instant.now(clock));
        run.pinnedNodes().add(node.getId());
        audit.record(
                "node.host-key.known-hosts",
                "node:" + node.getName(),
                "pinned " + line.algorithm() + " " + line.fingerprint());
        return "PINNED";
    }

    private String pin(JumpEndpoint endpoint, KnownHostsLine line, Run run) {
        Instant now = Instant.now(clock);
        JumpHostKey key = jumpHostKeys.find(endpoint).orElseGet(() -> new JumpHostKey(endpoint, now));
        if (line.fingerprint().equals(key.getFingerprint())) {
            return "UNCHANGED";
        }
        if (key.hasPin()) {
            return run.pinnedJumpHosts().contains(endpoint)
                    ? "SKIPPED_ANOTHER_KEY_PINNED_FROM_THIS_FILE"
                    : "CONFLICT_DIFFERENT_KEY_PINNED";
        }
        key.pin(line.algorithm(), line.fingerprint(), line.publicKeyBase64(), now);
        jumpHostKeys.save(key);
        run.pinnedJumpHosts().add(endpoint);
        audit.record(
                "jump-host.host-key.known-hosts",
                endpoint.auditTarget(),
                "pinned " + line.algorithm() + " " + line.fingerprint());
        return "PINNED";
    }
}
