package dev.ascendcp.inventory;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.JobTargets;
import dev.ascendcp.jobs.TargetNode;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the job engine which nodes a cluster has: the head first, then the workers. */
@Component
class InventoryJobTargets implements JobTargets {

    private final Inventory inventory;

    InventoryJobTargets(Inventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public Optional<ClusterTargets> forCluster(UUID clusterId) {
        return inventory
                .findCluster(clusterId)
                .map(cluster -> new ClusterTargets(
                        cluster.id(),
                        cluster.name(),
                        inventory.nodesOf(clusterId).stream()
                                .map(node -> new TargetNode(node.id(), node.name()))
                                .toList()));
    }
}
