package dev.ascendcp.jobs;

import java.util.Optional;
import java.util.UUID;

/**
 * Where jobs run: the port through which the engine learns a cluster's name and nodes. The inventory module implements
 * it; without an implementation every cluster is unknown.
 */
public interface JobTargets {

    /** The cluster with its nodes, or empty when there is no such cluster. */
    Optional<ClusterTargets> forCluster(UUID clusterId);
}
