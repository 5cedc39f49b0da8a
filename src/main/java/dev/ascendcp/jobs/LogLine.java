package dev.ascendcp.jobs;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One stored output line of a job. */
public record LogLine(
        long seq,
        Instant at,
        @Nullable UUID nodeId,
        @Nullable String nodeName,
        LogStream stream,
        String text) {}
