package dev.ascendcp.ray;

/** One row of {@code ray list nodes --format json}: the node's IP, whether it is alive and what it declared. */
record RayNodeInfo(String nodeId, String ip, boolean head, boolean alive, double npus, double gpus) {}
