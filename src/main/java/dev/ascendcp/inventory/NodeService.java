package dev.ascendcp.inventory;

import dev.ascendcp.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes nodes, with every rule checked before anything is written. */
@Service
class NodeService {

    private final NodeRepository nodes;
    private final CredentialRepository credentials;
    private final ClusterRepository clusters;
    private final JumpHostKeyRepository jumpHostKeys;
    private final RequestValidator validator;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    NodeService(
            NodeRepository nodes,
            CredentialRepository credentials,
            ClusterRepository clusters,
            JumpHostKeyRepository jumpHostKeys,
            RequestValidator validator,
            AuditLog audit) {
        this.nodes = nodes;
        this.credentials = credentials;
        this.clusters = clusters;
        this.jumpHostKeys = jumpHostKeys;
        this.validator = validator;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    Page<NodeResponse> list(Pageable pageable) {
        Page<Node> page = nodes.findAll(pageable);
        Map<UUID, UUID> clusterOf = new HashMap<>();
        if (page.hasContent()) {
            for (Object[] row : clusters.findMemberships(page.map(Node::getId).getContent())) {
                clusterOf.put((UUID) row[0], (UUID) row[1]);
            }
        }
        Map<JumpEndpoint, JumpHostKey> jumpKeys = new HashMap<>();
        if (page.stream().anyMatch(node -> node.getJumpHost() != null)) {
            jumpHostKeys.findAll().forEach(key -> jumpKeys.put(key.endpoint(), key));
        }
        return page.map(node -> {
            JumpEndpoint jump = JumpHostKeys.endpointOf(node);
            return NodeResponse.of(node, clusterOf.get(node.getId()), jump == null ? null : jumpKeys.get(jump));
        });
    }

    @Transactional(readOnly = true)
    NodeResponse get(UUID id) {
        return response(find(id));
    }

    /** The node as the API shows it, with its cluster and its jump host's key. */
    NodeResponse response(Node node) {
        return NodeResponse.of(
                node,
                clusters.findClusterIdOfNode(node.getId()).orElse(null),
                jumpHostKeys.findFor(node).orElse(null));
    }

    @Transactional
    NodeResponse create(NodeRequest request) {
        check(request, null);
        Node node = new Node(Instant.now(clock));
        node.update(request, node.getCreatedAt());
        save(node);
        audit.record("node.create", "node:" + node.getName(), describe(node));
        return NodeResponse.of(node, null, jumpHostKeys.findFor(node).orElse(null));
    }

    @Transactional
    NodeResponse update(UUID id, NodeRequest request) {
        Node node = find(id);
        check(request, node);
        node.update(request, Instant.now(clock));
        save(node);
        audit.record("node.update", "node:" + node.getName(), describe(node));
        return response(node);
    }

    @Transactional
    void delete(UUID id) {
        Node node = find(id);
        clusters.findClusterIdOfNode(id).ifPresent(clusterId -> {
            String cluster = clusters.findById(clusterId).map(Cluster::getName).orElse(clusterId.toString());
            throw InventoryException.conflict(
                    "node-in-cluster", "clusterId", "is " + cluster + ": remove the node from that cluster first");
        });
        nodes.delete(node);
        audit.record("node.delete", "node:" + node.getName(), null);
    }

    /**
     * Every rule a create or update must pass, without writing: 400 for a bad value, 422 for a missing reference, 409
     * for a taken name. {@code existing} is the node being replaced, or {@code null} for a new one.
     */
    @Transactional(readOnly = true)
    void check(NodeRequest request, @Nullable Node existing) {
        validator.check(request);
        if (request.localIpOrDefault().isEmpty()) {
            throw InventoryException.invalid(
                    List.of(new FieldProblem("localIp", "is required when host is a name, not an IP address")));
        }
        List<FieldProblem> missing = new ArrayList<>();
        if (!credentials.existsById(request.credentialId())) {
            missing.add(new FieldProblem("credentialId", "refers to no credential"));
        }
        if (request.jumpHost() != null
                && !credentials.existsById(request.jumpHost().credentialId())) {
            missing.add(new FieldProblem("jumpHost.credentialId", "refers to no credential"));
        }
        if (!missing.isEmpty()) {
            throw InventoryException.unprocessable("unknown-reference", missing);
        }
        boolean renamed = existing == null || !existing.getName().equals(request.name());
        if (renamed && nodes.existsByName(request.name())) {
            throw InventoryException.conflict("duplicate-name", "name", "is already used by another node");
        }
    }

    Node find(UUID id) {
        return nodes.findById(id).orElseThrow(() -> InventoryException.notFound("node", id));
    }

    private void save(Node node) {
        try {
            nodes.saveAndFlush(node);
        } catch (DataIntegrityViolationException e) {
            // Lost a race with a concurrent request for the same name.
            throw InventoryException.conflict("duplicate-name", "name", "is already used by another node");
        }
    }

    private static String describe(Node node) {
        return "host=" + node.getHost() + " port=" + node.getSshPort() + " localIp=" + node.getLocalIp() + " nic="
                + node.getNicName() + " npus=" + node.getNpuCount() + " sudo=" + node.isSudo() + " policy="
                + node.getHostKeyPolicy();
    }
}
