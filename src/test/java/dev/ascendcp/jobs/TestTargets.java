package dev.ascendcp.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link JobTargets}: tests add clusters with n nodes. */
public class TestTargets implements JobTargets {

    private final Map<UUID, ClusterTargets> clusters = new ConcurrentHashMap<>();

    public ClusterTargets add(String name, int nodes) {
        List<TargetNode> list = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            list.add(new TargetNode(UUID.randomUUID(), name + "-node-" + i));
        }
        ClusterTargets cluster = new ClusterTargets(UUID.randomUUID(), name, list);
        clusters.put(cluster.clusterId(), cluster);
        return cluster;
    }

    /** Registers a cluster made elsewhere (e.g. by another replica's targets). */
    public void put(ClusterTargets cluster) {
        clusters.put(cluster.clusterId(), cluster);
    }

    @Override
    public Optional<ClusterTargets> forCluster(UUID clusterId) {
        return Optional.ofNullable(clusters.get(clusterId));
    }
}
