package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.model.JobLeases;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Start: interrupt what a previous process left unfinished, then heartbeat and run the cluster-wide tasks. Stop: stop
 * this replica's jobs without writing outcomes and release their leases, so that the next start (or a surviving
 * replica at once) marks them INTERRUPTED. Stop → start works (new threads, a new scheduler), so a context paused by
 * the test context cache resumes with a working engine.
 */
@Component
class JobsLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobsLifecycle.class);

    private final Interruptions interruptions;
    private final JobEngine engine;
    private final JobLeases leases;
    private final LeaseKeeper keeper;
    private final ClusterTasks tasks;
    private final ReplicaId replica;
    private volatile boolean running;

    JobsLifecycle(
            Interruptions interruptions,
            JobEngine engine,
            JobLeases leases,
            Retention retention,
            DataSource dataSource,
            JobsProperties properties,
            ReplicaId replica) {
        this.interruptions = interruptions;
        this.engine = engine;
        this.leases = leases;
        this.replica = replica;
        this.keeper = new LeaseKeeper(engine, leases, properties);
        this.tasks = new ClusterTasks(dataSource, interruptions, retention, properties, replica);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        engine.start();
        int recovered = interruptions.recoverAtStartup();
        if (recovered > 0) {
            log.warn("Marked {} unfinished jobs INTERRUPTED at start-up", recovered);
        }
        keeper.start();
        tasks.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        tasks.stop();
        keeper.stop();
        engine.shutdown();
        try {
            leases.releaseAll(replica.value(), Clock.systemUTC().instant());
        } catch (RuntimeException e) {
            log.warn("Could not release the job leases of replica {}: {}", replica.value(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    LeaseKeeper keeper() {
        return keeper;
    }
}
