package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.StepView;
import dev.ascendcp.jobs.logs.EventLog;
import dev.ascendcp.jobs.model.JobStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs jobs on this replica with bounded thread pools: coordinators (one per running job), node workers (shared by all
 * jobs) and action threads (one per running step attempt, so that a hung action can be abandoned after its timeout).
 * {@link #shutdown()} abandons the running jobs and ends the threads; {@link #start()} makes new ones.
 */
@Component
public class JobEngine implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobEngine.class);

    private final JobStore store;
    private final JobEvents events;
    private final JobPlanner planner;
    private final JobsProperties properties;
    private final ReplicaId replica;
    private final EventLog eventLog;
    private final Map<UUID, JobRun> active = new ConcurrentHashMap<>();
    private volatile Pools pools;
    private volatile boolean stopping;

    /** The threads of one start-to-stop period of the engine; a restart makes new ones. */
    private final class Pools {
        final ExecutorService coordinators =
                Executors.newFixedThreadPool(properties.maxConcurrentJobs(), threads("job-"));
        final ExecutorService workers = Executors.newFixedThreadPool(properties.poolSize(), threads("job-node-"));
        final ExecutorService actions = Executors.newCachedThreadPool(threads("job-step-"));
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads("job-cancel-"));
        final JobRunner runner;

        Pools() {
            Clock clock = Clock.systemUTC();
            StepRunner steps = new StepRunner(store, events, eventLog, properties, actions, timer, clock);
            this.runner = new JobRunner(store, events, eventLog, steps, workers, properties, replica, clock);
        }

        void shutdown() {
            coordinators.shutdown();
            try {
                coordinators.awaitTermination(properties.cancelGrace().toMillis() + 2000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            coordinators.shutdownNow();
            workers.shutdownNow();
            actions.shutdownNow();
            timer.shutdownNow();
        }
    }

    JobEngine(
            JobStore store,
            JobEvents events,
            EventLog eventLog,
            JobPlanner planner,
            JobsProperties properties,
            ReplicaId replica) {
        this.store = store;
        this.events = events;
        this.planner = planner;
        this.properties = properties;
        this.replica = replica;
        this.eventLog = eventLog;
        this.pools = new Pools();
    }

    /** Runs a job just admitted on this replica, with the plan made at admission. */
    public void dispatch(PreparedJob prepared, JobView stored) {
        Map<Integer, Map<Integer, UUID>> ids = new HashMap<>();
        for (StepView step : stored.steps()) {
            ids.computeIfAbsent(step.stage(), s -> new HashMap<>()).put(step.position(), step.id());
        }
        submit(new JobRun(stored.id(), prepared), ids);
    }

    /** Tries to run a queued job stored by any replica (re-planned from its request); a lost claim is a no-op. */
    public void dispatch(UUID jobId) {
        JobView stored = store.find(jobId);
        Set<UUID> nodes = new LinkedHashSet<>();
        stored.steps().forEach(s -> nodes.add(s.nodeId()));
        JobRequest request = new JobRequest(
                stored.clusterId(), stored.phase(), stored.options(), stored.requestedBy(), stored.retryOf(), nodes);
        dispatch(planner.prepare(request), stored);
    }

    /** Cancels a job if this replica runs it; false otherwise. */
    public boolean cancel(UUID jobId, String by) {
        JobRun run = active.get(jobId);
        if (run == null) {
            return false;
        }
        run.cancel(by);
        return true;
    }

    /** Stops a job this replica lost (its lease was taken over) without writing any outcome. */
    void abandon(UUID jobId) {
        JobRun run = active.get(jobId);
        if (run != null) {
            run.abandon();
        }
    }

    Set<UUID> activeJobs() {
        return Set.copyOf(active.keySet());
    }

    boolean isClaimed(UUID jobId) {
        JobRun run = active.get(jobId);
        return run != null && run.isClaimed();
    }

    public boolean isRunningHere(UUID jobId) {
        return active.containsKey(jobId);
    }

    private void submit(JobRun run, Map<Integer, Map<Integer, UUID>> ids) {
        Pools current = pools;
        if (stopping) {
            return;
        }
        active.put(run.jobId(), run);
        if (stopping) {
            // shutdown() began between the check and the put, and may not have seen this run: abandon it here
            run.abandon();
            active.remove(run.jobId());
            return;
        }
        try {
            current.coordinators.submit(() -> {
                try {
                    current.runner.run(run, ids);
                } catch (RuntimeException e) {
                    log.error("Job {} failed in the engine", run.jobId(), e);
                    failQuietly(run, e);
                } finally {
                    active.remove(run.jobId());
                }
            });
        } catch (RejectedExecutionException e) {
            // Stopping: the job stays queued under this replica's released lease; the next start interrupts it.
            active.remove(run.jobId());
        }
    }

    private void failQuietly(JobRun run, RuntimeException e) {
        if (stopping || run.isAbandoned()) {
            return;
        }
        try {
            List<StepView> changed = store.endAbandoned(
                    run.jobId(),
                    JobStatus.INTERRUPTED,
                    "the engine failed: " + e.getMessage(),
                    Clock.systemUTC().instant());
            if (changed != null) {
                changed.forEach(step -> events.step(run.jobId(), step));
                events.status(store.find(run.jobId()));
            }
        } catch (RuntimeException again) {
            log.warn("Could not mark job {} interrupted: {}", run.jobId(), again.toString());
        }
    }

    /** Accepts jobs again after {@link #shutdown()}, with new threads. */
    synchronized void start() {
        if (stopping) {
            pools = new Pools();
            stopping = false;
        }
    }

    /** Stops every job of this replica without writing outcomes (the next start or a survivor interrupts them). */
    synchronized void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        active.values().forEach(JobRun::abandon);
        pools.shutdown();
        active.clear();
    }

    /** The context closes without the lifecycle having run (e.g. start-up failed): end the threads anyway. */
    @Override
    public void destroy() {
        shutdown();
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    ReplicaId replica() {
        return replica;
    }
}
