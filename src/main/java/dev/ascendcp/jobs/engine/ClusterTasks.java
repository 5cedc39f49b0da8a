package dev.ascendcp.jobs.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.ascendcp.jobs.JobsProperties;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The jobs module's cluster-wide recurring tasks on db-scheduler (configured by hand: its Spring Boot starter does
 * not support Boot 4): the lease sweeper and the retention purge each run on one replica at a time, and a dead
 * replica's task execution is taken over by another. Each start makes a new scheduler, so that stop → start works.
 */
final class ClusterTasks {

    static final String SWEEPER = "jobs-lease-sweeper";
    static final String RETENTION = "jobs-retention-purge";

    private final DataSource dataSource;
    private final List<RecurringTask<Void>> tasks;
    private final JobsProperties properties;
    private final ReplicaId replica;
    private @Nullable Scheduler scheduler;

    ClusterTasks(
            DataSource dataSource,
            Interruptions interruptions,
            Retention retention,
            JobsProperties properties,
            ReplicaId replica) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.replica = replica;
        RecurringTask<Void> sweeper = Tasks.recurring(SWEEPER, FixedDelay.of(properties.sweepInterval()))
                .execute((instance, context) -> interruptions.sweepExpired());
        RecurringTask<Void> purge = Tasks.recurring(RETENTION, FixedDelay.of(properties.retentionInterval()))
                .execute((instance, context) -> retention.purge());
        this.tasks = List.of(sweeper, purge);
    }

    /** Starts a new scheduler: a db-scheduler {@link Scheduler} cannot be started again once stopped. */
    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        Duration polling = properties.sweepInterval().compareTo(Duration.ofSeconds(10)) < 0
                ? properties.sweepInterval()
                : Duration.ofSeconds(10);
        Scheduler created = Scheduler.create(dataSource)
                .startTasks(tasks)
                .schedulerName(new SchedulerName.Fixed(replica.value()))
                .pollingInterval(polling)
                .heartbeatInterval(properties.heartbeat())
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(2))
                .build();
        created.start();
        scheduler = created;
    }

    synchronized void stop() {
        Scheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.stop();
        }
    }

    synchronized boolean isRunning() {
        return scheduler != null;
    }
}
