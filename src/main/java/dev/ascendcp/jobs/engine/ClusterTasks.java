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

/**
 * The jobs module's cluster-wide recurring tasks on db-scheduler (configured by hand: its Spring Boot starter does
 * not support Boot 4): the lease sweeper and the retention purge each run on one replica at a time, and a dead
 * replica's task execution is taken over by another.
 */
final class ClusterTasks {

    static final String SWEEPER = "jobs-lease-sweeper";
    static final String RETENTION = "jobs-retention-purge";

    private final Scheduler scheduler;

    ClusterTasks(
            DataSource dataSource,
            Interruptions interruptions,
            Retention retention,
            JobsProperties properties,
            ReplicaId replica) {
        RecurringTask<Void> sweeper = Tasks.recurring(SWEEPER, FixedDelay.of(properties.sweepInterval()))
                .execute((instance, context) -> interruptions.sweepExpired());
        RecurringTask<Void> purge = Tasks.recurring(RETENTION, FixedDelay.of(properties.retentionInterval()))
                .execute((instance, context) -> retention.purge());
        Duration polling = properties.sweepInterval().compareTo(Duration.ofSeconds(10)) < 0
                ? properties.sweepInterval()
                : Duration.ofSeconds(10);
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(List.of(sweeper, purge))
                .schedulerName(new SchedulerName.Fixed(replica.value()))
                .pollingInterval(polling)
                .heartbeatInterval(properties.heartbeat())
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(2))
                .build();
    }

    void start() {
        scheduler.start();
    }

    void stop() {
        scheduler.stop();
    }
}
