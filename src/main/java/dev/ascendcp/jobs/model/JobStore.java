package dev.ascendcp.jobs.model;

import dev.ascendcp.jobs.JobConflictException;
import dev.ascendcp.jobs.JobError;
import dev.ascendcp.jobs.JobNotFoundException;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.jobs.StepStatus;
import dev.ascendcp.jobs.StepView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every write of a job or step, each in its own short transaction: the engine persists a transition, runs the step
 * outside any transaction, then persists the result.
 */
@Service
public class JobStore {

    /** A step to create: its node, name, stage and position within the stage. */
    public record NewStep(UUID nodeId, String nodeName, String name, int stage, int position) {}

    private final JobRepository jobs;
    private final StepRepository steps;
    private final ClusterLocks locks;
    private final JsonMapper json;

    JobStore(JobRepository jobs, StepRepository steps, ClusterLocks locks, JsonMapper json) {
        this.jobs = jobs;
        this.steps = steps;
        this.locks = locks;
        this.json = json;
    }

    /** Creates a QUEUED job with its steps unless the cluster runs one (409 naming it). Caller holds no lock. */
    @Transactional
    public JobView admit(
            UUID clusterId,
            String clusterName,
            PhaseKind phase,
            String requestedBy,
            Map<String, Object> options,
            @Nullable UUID retryOf,
            List<NewStep> newSteps,
            String owner,
            Instant now,
            Instant leaseExpiresAt) {
        UUID previous = locks.lock(clusterId);
        if (previous != null) {
            jobs.findById(previous).filter(job -> !job.status().isTerminal()).ifPresent(job -> {
                throw JobConflictException.clusterBusy(clusterId, job.id());
            });
        }
        Job job = new Job(clusterId, clusterName, phase, requestedBy, json.writeValueAsString(options), retryOf, now);
        newSteps.forEach(s -> job.addStep(s.nodeId(), s.nodeName(), s.name(), s.stage(), s.position()));
        job.lease(owner, leaseExpiresAt);
        jobs.saveAndFlush(job);
        locks.admitted(clusterId, job.id(), now);
        return view(job);
    }

    /** QUEUED → RUNNING for this replica; false when another replica (or a cancel) got there first. */
    @Transactional
    public boolean claim(UUID jobId, String owner, Instant now, Instant leaseExpiresAt, Instant deadline) {
        Job job = jobs.findById(jobId).orElseThrow(() -> JobNotFoundException.forId(jobId));
        if (job.status() != JobStatus.QUEUED) {
            return false;
        }
        job.markRunning(owner, now, leaseExpiresAt, deadline);
        jobs.saveAndFlush(job);
        return true;
    }

    @Transactional
    public StepView stepAttempt(UUID stepId, int attempt, Instant now) {
        Step step = step(stepId);
        step.markAttempt(attempt, now);
        return step.toView();
    }

    @Transactional
    public StepView stepSucceeded(UUID stepId, @Nullable String message, @Nullable Integer exitCode, Instant now) {
        Step step = step(stepId);
        step.markSucceeded(message, exitCode, now);
        return step.toView();
    }

    @Transactional
    public StepView stepFailed(UUID stepId, String reason, String message, @Nullable Integer exitCode, Instant now) {
        Step step = step(stepId);
        step.markFailed(reason, message, exitCode, now);
        return step.toView();
    }

    @Transactional
    public StepView stepSkipped(UUID stepId, String message, Instant now) {
        Step step = step(stepId);
        step.markSkipped(message, now);
        return step.toView();
    }

    @Transactional
    public StepView stepCancelled(UUID stepId, String message, Instant now) {
        Step step = step(stepId);
        step.markCancelled(message, now);
        return step.toView();
    }

    /** Ends a running job; the steps are already terminal. Throws if the job ended meanwhile (e.g. interrupted). */
    @Transactional
    public JobView finish(UUID jobId, JobStatus status, @Nullable JobError error, Instant now) {
        Job job = job(jobId);
        switch (status) {
            case SUCCEEDED -> job.markSucceeded(now);
            case FAILED -> job.markFailed(error == null ? new JobError("FAILED", "failed") : error, now);
            case CANCELLED -> job.markCancelled(error == null ? "cancelled" : error.message(), now);
            default -> throw new IllegalArgumentException("not a finishing status: " + status);
        }
        return view(job);
    }

    /**
     * Ends an unfinished job that no live replica runs (or a queued one being cancelled): running steps become
     * CANCELLED, pending ones SKIPPED. Answers the changed steps, or null if the job had ended already.
     */
    @Transactional
    public @Nullable List<StepView> endAbandoned(UUID jobId, JobStatus status, String message, Instant now) {
        Job job = jobs.findById(jobId).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return null;
        }
        List<StepView> changed = new ArrayList<>();
        for (Step step : job.steps()) {
            if (step.status() == StepStatus.RUNNING) {
                step.markCancelled(message, now);
                changed.add(step.toView());
            } else if (step.status() == StepStatus.PENDING) {
                step.markSkipped(message, now);
                changed.add(step.toView());
            }
        }
        if (status == JobStatus.INTERRUPTED) {
            job.markInterrupted(message, now);
        } else {
            job.markCancelled(message, now);
        }
        return changed;
    }

    /** Sets the cancel flag (and who asked) that the owning replica picks up with its next heartbeat. */
    @Transactional
    public JobStatus requestCancel(UUID jobId, String by) {
        Job job = job(jobId);
        if (job.status().isTerminal()) {
            throw JobConflictException.alreadyFinished(jobId, job.status());
        }
        job.requestCancel(by);
        return job.status();
    }

    @Transactional(readOnly = true)
    public JobView find(UUID jobId) {
        return view(job(jobId));
    }

    private Job job(UUID jobId) {
        return jobs.findById(jobId).orElseThrow(() -> JobNotFoundException.forId(jobId));
    }

    private Step step(UUID stepId) {
        return steps.findById(stepId).orElseThrow(() -> new IllegalStateException("no step " + stepId));
    }

    JobView view(Job job) {
        return JobViews.of(job, json);
    }
}
