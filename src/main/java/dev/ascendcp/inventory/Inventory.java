package dev.ascendcp.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    /**
     * A cluster's nodes, the head first and then the workers in their order.
     *
     * @throws InventoryException (404) when there is no such cluster
     */
    @Transactional(readOnly = true)
    public List<NodeResponse> nodesOf(UUID clusterId) {
        Cluster cluster =
                clusters.findById(clusterId).orElseThrow(() -> InventoryException.notFound("cluster", clusterId));
        List<NodeResponse> members = new ArrayList<>();
        for (UUID id : cluster.getMemberIds()) {
            nodes.findById(id)
                    .ifPresent(node -> members.add(NodeResponse.of(
                            node, clusterId, jumpHostKeys.findFor(node).orElse(null))));
        }
        return members;
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
