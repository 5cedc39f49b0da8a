package dev.ascendcp.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;

/** What a running step sees: where it runs, its attempt, a log sink, cancellation, its limits and shared state. */
public interface StepContext {

    UUID jobId();

    ClusterTargets cluster();

    TargetNode node();

    String stepName();

    /** 1 for the first run, 2 for the first retry, … */
    int attempt();

    /** The job's options as requested. */
    Map<String, Object> options();

    /** Stores one output line (bounded per step, see {@code ascendcp.jobs.log-bytes-per-step}) and streams it live. */
    void log(LogStream stream, String line);

    /** True once the job is cancelled or the step's time is up. */
    boolean isCancelled();

    /**
     * Runs {@code callback} when the step is cancelled or times out (at once if that already happened), e.g. to kill
     * the remote process group. Callbacks run on an engine thread and must not block for long.
     */
    void onCancel(Runnable callback);

    /** How long this attempt may take (already capped by the job's deadline). */
    Duration stepTimeout();

    /** When the whole job must be over. */
    Instant jobDeadline();

    /**
     * State shared by all steps of this job run, e.g. the head address parsed in stage 1 for stage 2. Not persisted.
     */
    ConcurrentMap<String, Object> attributes();
}
