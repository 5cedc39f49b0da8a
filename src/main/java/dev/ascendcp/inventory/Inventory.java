package dev.ascendcp.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the inventory for the other modules (jobs, phases, dashboards). */
@Service
public class Inventory {

    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final JumpHostKeyRepository jumpHostKeys;

    Inventory(ClusterRepository clusters, NodeRepository nodes, JumpHostKeyRepository jumpHostKeys) {
        this.clusters = clusters;
        this.nodes = nodes;
        this.jumpHostKeys = jumpHostKeys;
    }

    /** A cluster's configuration with every default filled in. */
    @Transactional(readOnly = true)
    public Optional<ClusterResponse> findCluster(UUID clusterId) {
        return clusters.findById(clusterId).map(ClusterResponse::of);
    }

    /** Every cluster with every default filled in, ordered by name. */
    @Transactional(readOnly = true)
    public List<ClusterResponse> listClusters() {
        return clusters.findAll(Sort.by("name")).stream()
                .map(ClusterResponse::of)
                .toList();
    }

    /**
     * A cluster's nodes, the head first and then the workers in their order. A constant number of statements
     * whatever the cluster's size: the cluster with its members, the nodes with their labels, and (when a node has a
     * jump host) the key rows of those jump hosts.
     *
     * @throws InventoryException (404) when there is no such cluster
     */
    @Transactional(readOnly = true)
    public List<NodeResponse> nodesOf(UUID clusterId) {
        Cluster cluster =
                clusters.findById(clusterId).orElseThrow(() -> InventoryException.notFound("cluster", clusterId));
        List<UUID> memberIds = List.copyOf(cluster.getMemberIds());
        if (memberIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, Node> byId = nodes.findAllWithLabels(memberIds).stream()
                .collect(Collectors.toMap(Node::getId, Function.identity(), (a, b) -> a));
        Map<JumpEndpoint, JumpHostKey> keys = jumpHostKeysOf(byId.values());
        List<NodeResponse> members = new ArrayList<>(memberIds.size());
        for (UUID id : memberIds) {
            Node node = byId.get(id);
            if (node != null) {
                JumpEndpoint endpoint = JumpHostKeys.endpointOf(node);
                members.add(NodeResponse.of(node, clusterId, endpoint == null ? null : keys.get(endpoint)));
            }
        }
        return members;
    }

    private Map<JumpEndpoint, JumpHostKey> jumpHostKeysOf(Iterable<Node> members) {
        Set<JumpEndpoint> endpoints = new HashSet<>();
        for (Node node : members) {
            JumpEndpoint endpoint = JumpHostKeys.endpointOf(node);
            if (endpoint != null) {
                endpoints.add(endpoint);
            }
        }
        if (endpoints.isEmpty()) {
            return Map.of();
        }
        Map<JumpEndpoint, JumpHostKey> keys = new HashMap<>();
        Set<String> hosts = endpoints.stream().map(JumpEndpoint::host).collect(Collectors.toSet());
        for (JumpHostKey key : jumpHostKeys.findByHostIn(hosts)) {
            JumpEndpoint endpoint = key.endpoint();
            if (endpoints.contains(endpoint)) {
                keys.putIfAbsent(endpoint, key);
            }
        }
        return keys;
    }

    @Transactional(readOnly = true)
    public Optional<NodeResponse> findNode(UUID nodeId) {
        return nodes.findById(nodeId)
                .map(node -> NodeResponse.of(
                        node,
                        clusters.findClusterIdOfNode(nodeId).orElse(null),
                        jumpHostKeys.findFor(node).orElse(null)));
    }
}
