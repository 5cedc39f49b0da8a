package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.TargetNode;
import dev.ascendcp.jobs.logs.EventLog;
import dev.ascendcp.jobs.logs.StepRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of one step: its context for the action, its cancellation token, and whether its thread ended. A cancel
 * runs the action's callbacks first (they stop the remote command cleanly, e.g. kill its process group from a second
 * SSH session) and interrupts the action's thread only if it is still running a moment later, or at once when the
 * action registered no callback: an interrupt arriving in the middle of that clean-up would break it.
 */
final class StepExecution implements StepContext {

    private static final Logger log = LoggerFactory.getLogger(StepExecution.class);

    private final JobRun run;
    private final StepRef step;
    private final TargetNode node;
    private final String stepName;
    private final int attempt;
    private final Duration timeout;
    private final EventLog eventLog;
    private final ScheduledExecutorService timer;
    private final Duration interruptAfter;
    private final List<Runnable> callbacks = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object threadLock = new Object();
    private boolean cancelled;
    private @Nullable Thread thread;
    private boolean started;

    StepExecution(
            JobRun run,
            StepRef step,
            TargetNode node,
            String stepName,
            int attempt,
            Duration timeout,
            EventLog log,
            ScheduledExecutorService timer,
            Duration interruptAfter) {
        this.run = run;
        this.step = step;
        this.node = node;
        this.stepName = stepName;
        this.attempt = attempt;
        this.timeout = timeout;
        this.eventLog = log;
        this.timer = timer;
        this.interruptAfter = interruptAfter;
    }

    /** Runs the cancel callbacks once, then interrupts the action's thread if it still runs after the grace. */
    void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(callbacks);
        }
        toRun.forEach(StepExecution::runSafely);
        if (toRun.isEmpty() || interruptAfter.isZero()) {
            interrupt();
            return;
        }
        try {
            timer.schedule(this::interrupt, interruptAfter.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            interrupt();
        }
    }

    /** Interrupts the action's thread if the action still runs. */
    void interrupt() {
        synchronized (threadLock) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    void started(Thread actionThread) {
        synchronized (threadLock) {
            this.thread = actionThread;
            this.started = true;
        }
        if (isCancelled()) {
            // Cancelled while it was being handed to its thread: nothing else will stop it.
            actionThread.interrupt();
        }
    }

    boolean hasStarted() {
        synchronized (threadLock) {
            return started;
        }
    }

    /** The action returned: its (pooled) thread must not be interrupted on its behalf from now on. */
    void ended() {
        synchronized (threadLock) {
            thread = null;
        }
        ended.countDown();
    }

    boolean awaitEnd(Duration grace) throws InterruptedException {
        return ended.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void runSafely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A step's cancel callback failed: {}", e.toString());
        }
    }

    @Override
    public UUID jobId() {
        return run.jobId();
    }

    @Override
    public ClusterTargets cluster() {
        return run.prepared().targets();
    }

    @Override
    public TargetNode node() {
        return node;
    }

    @Override
    public String stepName() {
        return stepName;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Map<String, Object> options() {
        return run.prepared().request().options();
    }

    @Override
    public void log(LogStream stream, String line) {
        eventLog.line(run.jobId(), step, stream, line);
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable callback) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                callbacks.add(callback);
            }
        }
        if (now) {
            runSafely(callback);
        }
    }

    @Override
    public Duration stepTimeout() {
        return timeout;
    }

    @Override
    public Instant jobDeadline() {
        return run.deadline();
    }

    @Override
    public ConcurrentMap<String, Object> attributes() {
        return run.attributes();
    }
}
