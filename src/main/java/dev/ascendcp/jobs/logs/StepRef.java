package dev.ascendcp.jobs.logs;

import java.util.UUID;

/** The step (and node) a log line belongs to. */
public record StepRef(UUID stepId, UUID nodeId, String nodeName) {}
