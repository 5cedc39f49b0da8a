package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.model.JobLeases;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's heartbeat: renews the lease of each job it runs, abandons a job whose lease was taken over, and
 * applies cancels that were requested through another replica.
 */
final class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final JobEngine engine;
    private final JobLeases leases;
    private final JobsProperties properties;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    LeaseKeeper(JobEngine engine, JobLeases leases, JobsProperties properties) {
        this.engine = engine;
        this.leases = leases;
        this.properties = properties;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "job-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            String owner = engine.replica().value();
            for (UUID jobId : engine.activeJobs()) {
                if (!leases.renew(jobId, owner, clock.instant().plus(properties.lease())) && isClaimed(jobId)) {
                    log.warn("Replica {} lost the lease of job {}; stopping it here", owner, jobId);
                    engine.abandon(jobId);
                }
            }
            leases.cancelRequested(owner)
                    .forEach(request -> engine.cancel(
                            request.jobId(), request.by() == null ? "a request to another replica" : request.by()));
        } catch (RuntimeException e) {
            log.warn("Job heartbeat failed: {}", e.toString());
        }
    }

    private boolean isClaimed(UUID jobId) {
        return engine.isClaimed(jobId);
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
