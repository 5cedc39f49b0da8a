package dev.ascendcp.jobs.engine;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** The in-memory state of one job this replica runs: shared attributes, running attempts, cancel and stop flags. */
final class JobRun {

    private final UUID jobId;
    private final PreparedJob prepared;
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private volatile Instant deadline = Instant.MAX;
    private volatile @Nullable String cancelledBy;
    private volatile @Nullable String stopReason;
    private volatile boolean abandoned;
    private volatile boolean claimed;

    JobRun(UUID jobId, PreparedJob prepared) {
        this.jobId = jobId;
        this.prepared = prepared;
    }

    /** Stops everything: running attempts get their cancel callbacks and an interrupt. */
    void cancel(String by) {
        if (cancelledBy == null) {
            cancelledBy = by;
        }
        running.forEach(StepExecution::cancel);
    }

    /** A failure that must stop the whole job: the other nodes stop too. */
    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        running.forEach(StepExecution::cancel);
    }

    /** The replica is going away (or lost the job): stop, but write no outcome. */
    void abandon() {
        abandoned = true;
        running.forEach(StepExecution::cancel);
    }

    void register(StepExecution execution) {
        running.add(execution);
        if (isCancelled() || stopReason != null || abandoned) {
            execution.cancel();
        }
    }

    void unregister(StepExecution execution) {
        running.remove(execution);
    }

    boolean isCancelled() {
        return cancelledBy != null;
    }

    /** Whether no further step may start. */
    boolean isHalted() {
        return cancelledBy != null || stopReason != null || abandoned;
    }

    @Nullable
    String cancelledBy() {
        return cancelledBy;
    }

    @Nullable
    String stopReason() {
        return stopReason;
    }

    void claimed() {
        claimed = true;
    }

    boolean isClaimed() {
        return claimed;
    }

    boolean isAbandoned() {
        return abandoned;
    }

    UUID jobId() {
        return jobId;
    }

    PreparedJob prepared() {
        return prepared;
    }

    Instant deadline() {
        return deadline;
    }

    void deadline(Instant value) {
        this.deadline = value;
    }

    ConcurrentMap<String, Object> attributes() {
        return attributes;
    }
}
