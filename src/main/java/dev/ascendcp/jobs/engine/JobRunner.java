package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobError;
import dev.ascendcp.jobs.JobPlan.PlannedStep;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.StepStatus;
import dev.ascendcp.jobs.StepView;
import dev.ascendcp.jobs.logs.EventLog;
import dev.ascendcp.jobs.model.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Coordinates one job: claims it, runs the stages one after another (the nodes of a stage in parallel, up to the
 * configured parallelism; one node's steps in order), and ends it with the status its steps earned.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final JobEvents events;
    private final EventLog eventLog;
    private final StepRunner steps;
    private final ExecutorService workers;
    private final JobsProperties properties;
    private final ReplicaId replica;
    private final Clock clock;

    JobRunner(
            JobStore store,
            JobEvents events,
            EventLog eventLog,
            StepRunner steps,
            ExecutorService workers,
            JobsProperties properties,
            ReplicaId replica,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.eventLog = eventLog;
        this.steps = steps;
        this.workers = workers;
        this.properties = properties;
        this.replica = replica;
        this.clock = clock;
    }

    /**
     * QUEUED → RUNNING for this replica. Two replicas that read the job QUEUED at the same moment both try; the row's
     * version lets only one update through, and the other one's optimistic-lock failure means "lost the claim", not a
     * failure of the job (which the winner is running).
     */
    private boolean claim(JobRun run, Instant now) {
        try {
            return store.claim(run.jobId(), replica.value(), now, now.plus(properties.lease()), run.deadline());
        } catch (OptimisticLockingFailureException lost) {
            log.debug("Job {}: another replica claimed it first", run.jobId());
            return false;
        }
    }

    /** Runs the job if this replica wins the claim; answers whether it did. */
    boolean run(JobRun run, Map<Integer, Map<Integer, UUID>> stepIds) {
        Instant now = clock.instant();
        Duration budget = run.prepared().plan().deadline() == null
                ? properties.deadline()
                : run.prepared().plan().deadline();
        run.deadline(now.plus(budget));
        if (!claim(run, now)) {
            return false;
        }
        run.claimed();
        eventLog.open(run.jobId());
        events.status(store.find(run.jobId()));
        Set<UUID> failedNodes = new HashSet<>();
        try {
            List<List<PlannedStep>> stages = run.prepared().plan().stages();
            for (int stage = 0; stage < stages.size(); stage++) {
                runStage(run, stages.get(stage), stepIds.get(stage), failedNodes);
            }
            finish(run, failedNodes);
        } catch (StepRunner.Abandoned e) {
            log.info("Job {} abandoned by replica {}", run.jobId(), replica.value());
        } finally {
            eventLog.close(run.jobId());
        }
        return true;
    }

    private void runStage(JobRun run, List<PlannedStep> stage, Map<Integer, UUID> ids, Set<UUID> failedNodes) {
        Map<UUID, List<Integer>> byNode = new LinkedHashMap<>();
        for (int position = 0; position < stage.size(); position++) {
            byNode.computeIfAbsent(stage.get(position).node().nodeId(), n -> new ArrayList<>())
                    .add(position);
        }
        Semaphore slots = new Semaphore(properties.parallelism());
        List<Future<?>> running = new ArrayList<>();
        for (Map.Entry<UUID, List<Integer>> node : byNode.entrySet()) {
            if (failedNodes.contains(node.getKey()) || run.isHalted()) {
                skipAll(run, stage, ids, node.getValue(), skipMessage(run, failedNodes.contains(node.getKey())));
                continue;
            }
            acquire(slots, run);
            running.add(workers.submit(() -> {
                try {
                    if (!runNode(run, stage, ids, node.getValue())) {
                        synchronized (failedNodes) {
                            failedNodes.add(node.getKey());
                        }
                    }
                } finally {
                    slots.release();
                }
            }));
        }
        awaitAll(running);
    }

    /** One node's steps of a stage, in order; after a failure the rest are skipped. Answers whether all passed. */
    private boolean runNode(JobRun run, List<PlannedStep> stage, Map<Integer, UUID> ids, List<Integer> positions) {
        for (int i = 0; i < positions.size(); i++) {
            PlannedStep planned = stage.get(positions.get(i));
            StepStatus status = steps.run(run, planned, ids.get(positions.get(i)));
            if (status == StepStatus.FAILED || status == StepStatus.CANCELLED) {
                String message = status == StepStatus.FAILED
                        ? "skipped: " + planned.name() + " failed on this node"
                        : skipMessage(run, false);
                skipAll(run, stage, ids, positions.subList(i + 1, positions.size()), message);
                return false;
            }
        }
        return true;
    }

    private void skipAll(
            JobRun run, List<PlannedStep> stage, Map<Integer, UUID> ids, List<Integer> positions, String message) {
        if (run.isAbandoned()) {
            throw new StepRunner.Abandoned();
        }
        for (Integer position : positions) {
            events.step(run.jobId(), store.stepSkipped(ids.get(position), message, clock.instant()));
        }
    }

    private static String skipMessage(JobRun run, boolean nodeFailed) {
        if (nodeFailed) {
            return "skipped: an earlier step failed on this node";
        }
        if (run.isCancelled()) {
            return "skipped: cancelled by " + run.cancelledBy();
        }
        return "skipped: " + run.stopReason();
    }

    private void finish(JobRun run, Set<UUID> failedNodes) {
        if (run.isAbandoned()) {
            throw new StepRunner.Abandoned();
        }
        eventLog.flush(run.jobId());
        JobView current = store.find(run.jobId());
        JobView finished;
        Instant now = clock.instant();
        if (run.isCancelled()) {
            finished = store.finish(
                    run.jobId(),
                    JobStatus.CANCELLED,
                    new JobError("CANCELLED", "cancelled by " + run.cancelledBy()),
                    now);
        } else if (failedNodes.isEmpty() && current.steps().stream().noneMatch(JobRunner::failed)) {
            finished = store.finish(run.jobId(), JobStatus.SUCCEEDED, null, now);
        } else {
            finished = store.finish(run.jobId(), JobStatus.FAILED, firstError(run, current), now);
        }
        events.status(finished);
        eventLog.flush(run.jobId());
        notifyPhase(run, finished);
    }

    private static boolean failed(StepView step) {
        return step.status() == StepStatus.FAILED || step.status() == StepStatus.CANCELLED;
    }

    private static JobError firstError(JobRun run, JobView job) {
        return job.steps().stream()
                .filter(s -> s.status() == StepStatus.FAILED)
                .findFirst()
                .map(s -> new JobError(
                        s.reason() == null ? "FAILED" : s.reason(),
                        s.nodeName() + ": " + s.name() + ": " + s.message()
                                + (run.stopReason() == null ? "" : " (job stopped)")))
                .orElse(new JobError("FAILED", String.valueOf(run.stopReason())));
    }

    private void notifyPhase(JobRun run, JobView finished) {
        try {
            run.prepared().phase().onJobFinished(new FinishedJob(finished, Map.copyOf(run.attributes())));
        } catch (RuntimeException e) {
            log.warn("Phase {} failed to handle the end of job {}", finished.phase(), finished.id(), e);
        }
    }

    private static void acquire(Semaphore slots, JobRun run) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.abandon();
            throw new StepRunner.Abandoned();
        }
    }

    private static void awaitAll(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepRunner.Abandoned();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof StepRunner.Abandoned abandoned) {
                    throw abandoned;
                }
                throw new IllegalStateException("a node runner failed", e.getCause());
            }
        }
    }
}
