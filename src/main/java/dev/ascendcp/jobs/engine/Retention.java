package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.model.JobLeases;
import dev.ascendcp.jobs.model.JobRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Purges finished jobs (with their steps and output) older than {@code ascendcp.jobs.retention}. */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final EnumSet<JobStatus> FINISHED =
            EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.INTERRUPTED);

    private final JobRepository jobs;
    private final JobLeases leases;
    private final JobsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Retention(JobRepository jobs, JobLeases leases, JobsProperties properties, PlatformTransactionManager tx) {
        this.jobs = jobs;
        this.leases = leases;
        this.properties = properties;
        this.transaction = new TransactionTemplate(tx);
        this.clock = Clock.systemUTC();
    }

    /** Deletes the finished jobs older than the retention age; answers how many. */
    public int purge() {
        return purgeFinishedBefore(clock.instant().minus(properties.retention()));
    }

    /** Deletes the jobs that finished before {@code cutoff}; answers how many. */
    public int purgeFinishedBefore(java.time.Instant cutoff) {
        List<UUID> old = jobs.findFinishedBefore(FINISHED, cutoff);
        Integer deleted = transaction.execute(status -> leases.delete(old));
        if (deleted != null && deleted > 0) {
            log.info("Purged {} jobs finished more than {} ago", deleted, properties.retention());
        }
        return deleted == null ? 0 : deleted;
    }
}
