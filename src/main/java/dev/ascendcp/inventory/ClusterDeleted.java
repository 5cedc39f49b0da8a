package dev.ascendcp.inventory;

import java.util.UUID;

/** Published inside the transaction that deletes a cluster (listen after commit to act on a real deletion). */
public record ClusterDeleted(UUID clusterId, String name) {}
