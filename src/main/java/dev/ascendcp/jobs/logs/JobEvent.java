package dev.ascendcp.jobs.logs;

import dev.ascendcp.jobs.LogStream;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event of a job, in the job's single sequence: a status change, a step change (JSON in {@code data}) or a log
 * line (the text in {@code data}).
 */
public record JobEvent(
        UUID jobId,
        long seq,
        Type type,
        Instant at,
        @Nullable UUID stepId,
        @Nullable UUID nodeId,
        @Nullable String nodeName,
        @Nullable LogStream stream,
        String data) {

    /** The SSE event names. */
    public enum Type {
        STATUS,
        STEP,
        LOG;

        public String eventName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public JobEvent withData(String newData) {
        return new JobEvent(jobId, seq, type, at, stepId, nodeId, nodeName, stream, newData);
    }
}
