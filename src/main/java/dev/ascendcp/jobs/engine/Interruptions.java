package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.StepView;
import dev.ascendcp.jobs.model.JobRepository;
import dev.ascendcp.jobs.model.JobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Marks INTERRUPTED the jobs that no live replica runs: at start-up those this replica left (or whose lease ran out),
 * and, from the cluster-wide sweeper, those whose owner stopped renewing its lease.
 */
@Component
public class Interruptions {

    private static final Logger log = LoggerFactory.getLogger(Interruptions.class);
    private static final EnumSet<JobStatus> UNFINISHED = EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING);

    private final JobRepository jobs;
    private final JobStore store;
    private final JobEvents events;
    private final ReplicaId replica;
    private final Clock clock = Clock.systemUTC();

    Interruptions(JobRepository jobs, JobStore store, JobEvents events, ReplicaId replica) {
        this.jobs = jobs;
        this.store = store;
        this.events = events;
        this.replica = replica;
    }

    /** At start-up: nothing of this replica runs yet, so its unfinished jobs were left by a previous process. */
    public int recoverAtStartup() {
        List<UUID> orphans = jobs.findOrphans(UNFINISHED, replica.value(), clock.instant());
        orphans.forEach(id -> interrupt(id, "the control plane stopped while the job was unfinished"));
        return orphans.size();
    }

    /** Jobs whose owner's lease expired: that replica is gone. */
    public int sweepExpired() {
        List<UUID> expired = jobs.findExpired(UNFINISHED, clock.instant());
        expired.forEach(id -> interrupt(id, "the replica running the job stopped renewing its lease"));
        return expired.size();
    }

    private void interrupt(UUID jobId, String message) {
        try {
            Instant now = clock.instant();
            List<StepView> changed = store.endAbandoned(jobId, JobStatus.INTERRUPTED, message, now);
            if (changed != null) {
                changed.forEach(step -> events.step(jobId, step));
                events.status(store.find(jobId));
                log.warn("Job {} INTERRUPTED: {}", jobId, message);
            }
        } catch (OptimisticLockingFailureException e) {
            log.info("Job {} changed while being interrupted; will look again", jobId);
        }
    }
}
