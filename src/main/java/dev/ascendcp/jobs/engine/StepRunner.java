package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobPlan.PlannedStep;
import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.jobs.StepStatus;
import dev.ascendcp.jobs.logs.EventLog;
import dev.ascendcp.jobs.logs.StepRef;
import dev.ascendcp.jobs.model.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step on one node: each attempt is persisted (no transaction is open while the action runs), bounded by the
 * step timeout and the job deadline, and retried with exponential backoff while its failure is transient.
 */
final class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);
    static final String DEADLINE = "DEADLINE_EXCEEDED";

    /** Thrown when the replica abandons the job: no outcome is written. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("abandoned", null, false, false);
        }
    }

    private final JobStore store;
    private final JobEvents events;
    private final EventLog eventLog;
    private final JobsProperties properties;
    private final ExecutorService actions;
    private final ScheduledExecutorService timer;
    private final Clock clock;

    StepRunner(
            JobStore store,
            JobEvents events,
            EventLog eventLog,
            JobsProperties properties,
            ExecutorService actions,
            ScheduledExecutorService timer,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.eventLog = eventLog;
        this.properties = properties;
        this.actions = actions;
        this.timer = timer;
        this.clock = clock;
    }

    StepStatus run(JobRun run, PlannedStep planned, UUID stepId) {
        StepRef ref =
                new StepRef(stepId, planned.node().nodeId(), planned.node().nodeName());
        for (int attempt = 1; ; attempt++) {
            if (run.isHalted()) {
                return halted(run, stepId, attempt > 1);
            }
            events.step(run.jobId(), store.stepAttempt(stepId, attempt, clock.instant()));
            StepOutcome outcome = attempt(run, planned, ref, attempt);
            if (run.isHalted() && !DEADLINE.equals(outcome.reason())) {
                return halted(run, stepId, true);
            }
            if (outcome.isFailure() && outcome.transientFailure() && attempt < properties.retryAttempts()) {
                Duration wait = properties.backoffBefore(attempt + 1);
                system(
                        run,
                        ref,
                        "attempt " + attempt + " failed (" + outcome.reason() + ": " + outcome.message()
                                + "); retrying in " + wait.toMillis() + " ms");
                if (!sleep(wait)) {
                    return halted(run, stepId, true);
                }
                continue;
            }
            return record(run, planned, ref, outcome);
        }
    }

    private StepOutcome attempt(JobRun run, PlannedStep planned, StepRef ref, int attempt) {
        Duration stepTimeout = planned.timeout() == null ? properties.stepTimeout() : planned.timeout();
        Duration untilDeadline = Duration.between(clock.instant(), run.deadline());
        boolean deadlineFirst = untilDeadline.compareTo(stepTimeout) < 0;
        Duration timeout = deadlineFirst ? untilDeadline : stepTimeout;
        if (timeout.isNegative() || timeout.isZero()) {
            return deadlineExceeded(run);
        }
        StepExecution execution = new StepExecution(
                run,
                ref,
                planned.node(),
                planned.name(),
                attempt,
                timeout,
                eventLog,
                timer,
                properties.cancelGrace().dividedBy(2));
        run.register(execution);
        Future<StepOutcome> future = actions.submit(() -> {
            execution.started(Thread.currentThread());
            try {
                return planned.action().run(execution);
            } finally {
                execution.ended();
            }
        });
        try {
            StepOutcome outcome = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // The action may notice the job's deadline itself (e.g. SSH's overall deadline) and fail a moment
            // before the engine's own wait runs out: that is still the deadline, not the action's failure.
            if (deadlineFirst && outcome.isFailure() && !clock.instant().isBefore(run.deadline())) {
                return deadlineExceeded(run);
            }
            return outcome;
        } catch (TimeoutException e) {
            stopAction(execution, future);
            return deadlineFirst
                    ? deadlineExceeded(run)
                    : StepOutcome.failed(
                            "COMMAND_TIMEOUT", planned.name() + " timed out after " + describe(timeout), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof InterruptedException && run.isHalted()) {
                return StepOutcome.failed("CANCELLED", "cancelled", null);
            }
            log.warn("Step {} on {} threw", planned.name(), planned.node().nodeName(), cause);
            return StepOutcome.failed("STEP_ERROR", planned.name() + " failed: " + cause, null);
        } catch (CancellationException e) {
            return StepOutcome.failed("CANCELLED", "cancelled", null);
        } catch (InterruptedException e) {
            stopAction(execution, future);
            Thread.currentThread().interrupt();
            if (!run.isHalted()) {
                run.abandon();
            }
            return StepOutcome.failed("CANCELLED", "interrupted", null);
        } finally {
            run.unregister(execution);
        }
    }

    private static StepOutcome deadlineExceeded(JobRun run) {
        return StepOutcome.failed(DEADLINE, "the job's deadline (" + run.deadline() + ") passed", null);
    }

    /**
     * Stops an attempt that ran out of time: its cancel callbacks first (its thread is interrupted later if it still
     * runs, see {@link StepExecution#cancel()}), then waits up to the cancel grace for it to end.
     */
    private void stopAction(StepExecution execution, Future<StepOutcome> future) {
        // Never started: it will not start now. Running: keeps running until the cancel stops it.
        future.cancel(false);
        execution.cancel();
        if (!execution.hasStarted()) {
            return;
        }
        try {
            if (!execution.awaitEnd(properties.cancelGrace())) {
                execution.interrupt();
                log.warn(
                        "A step did not stop within {} of its cancel; abandoning its thread", properties.cancelGrace());
            }
        } catch (InterruptedException e) {
            execution.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private StepStatus record(JobRun run, PlannedStep planned, StepRef ref, StepOutcome outcome) {
        Instant now = clock.instant();
        switch (outcome.kind()) {
            case SUCCEEDED ->
                events.step(run.jobId(), store.stepSucceeded(ref.stepId(), outcome.message(), outcome.exitCode(), now));
            case SKIPPED ->
                events.step(run.jobId(), store.stepSkipped(ref.stepId(), String.valueOf(outcome.message()), now));
            case FAILED -> {
                String reason = outcome.reason() == null ? "FAILED" : outcome.reason();
                String message = outcome.message() == null ? planned.name() + " failed" : outcome.message();
                system(run, ref, planned.name() + " failed: " + reason + ": " + message);
                events.step(run.jobId(), store.stepFailed(ref.stepId(), reason, message, outcome.exitCode(), now));
                if (DEADLINE.equals(reason)
                        || run.prepared().phase().stopsJob(planned.name(), planned.node(), outcome)) {
                    run.stop(planned.node().nodeName() + ": " + planned.name() + " failed: " + message);
                }
            }
        }
        return switch (outcome.kind()) {
            case SUCCEEDED -> StepStatus.SUCCEEDED;
            case SKIPPED -> StepStatus.SKIPPED;
            case FAILED -> StepStatus.FAILED;
        };
    }

    /** The step was running (or about to) when the job was cancelled or stopped. */
    private StepStatus halted(JobRun run, UUID stepId, boolean started) {
        if (run.isAbandoned()) {
            throw new Abandoned();
        }
        Instant now = clock.instant();
        if (run.isCancelled()) {
            String message = "cancelled by " + run.cancelledBy();
            events.step(
                    run.jobId(),
                    started ? store.stepCancelled(stepId, message, now) : store.stepSkipped(stepId, message, now));
            return started ? StepStatus.CANCELLED : StepStatus.SKIPPED;
        }
        String message = "stopped: " + run.stopReason();
        events.step(
                run.jobId(),
                started ? store.stepCancelled(stepId, message, now) : store.stepSkipped(stepId, message, now));
        return started ? StepStatus.CANCELLED : StepStatus.SKIPPED;
    }

    private void system(JobRun run, StepRef ref, String line) {
        eventLog.line(run.jobId(), ref, LogStream.SYSTEM, line);
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
