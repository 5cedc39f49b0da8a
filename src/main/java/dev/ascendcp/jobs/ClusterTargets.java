package dev.ascendcp.jobs;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A cluster and the nodes a job on it runs on, in the cluster's order (head first by convention). */
public record ClusterTargets(UUID clusterId, String clusterName, List<TargetNode> nodes) {

    public ClusterTargets {
        nodes = List.copyOf(nodes);
    }

    /** The same cluster restricted to some nodes (all of them when {@code nodeIds} is empty), order kept. */
    public ClusterTargets restrictedTo(Set<UUID> nodeIds) {
        if (nodeIds.isEmpty()) {
            return this;
        }
        return new ClusterTargets(
                clusterId,
                clusterName,
                nodes.stream().filter(n -> nodeIds.contains(n.nodeId())).toList());
    }
}
