package dev.ascendcp.jobs;

import java.util.UUID;

/** A node a job runs on, as {@link JobTargets} names it. */
public record TargetNode(UUID nodeId, String nodeName) {}
