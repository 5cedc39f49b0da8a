package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ascendcp.AscendControlPlaneApplication;
import dev.ascendcp.jobs.engine.JobEngine;
import dev.ascendcp.support.PostgresTestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two replicas on one PostgreSQL database. */
class JobReplicasIntegrationTests {

    static PostgresTestDatabase database;
    static ConfigurableApplicationContext replicaA;
    static ConfigurableApplicationContext replicaB;

    @BeforeAll
    static void startReplicas() {
        database = PostgresTestDatabase.create();
        replicaA = start("replica-a");
        replicaB = start("replica-b");
    }

    @AfterAll
    static void stopReplicas() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {replicaA, replicaB}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void aJobRunsExactlyOnceEvenWhenBothReplicasTryToRunIt() throws Exception {
        // Both replicas share the in-memory clusters of A so that either could plan the job.
        ClusterTargets cluster = targetsOf(replicaA).add("once", 4);
        targetsOf(replicaB).forCluster(cluster.clusterId());
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        StepAction count = ctx -> {
            runs.computeIfAbsent(ctx.node().nodeName(), n -> new AtomicInteger())
                    .incrementAndGet();
            Thread.sleep(200);
            return StepOutcome.succeeded();
        };
        phaseOf(replicaA).script(cluster.clusterId(), count, "count");
        copyCluster(cluster, replicaB);
        phaseOf(replicaB).script(cluster.clusterId(), count, "count");

        JobView job = replicaA.getBean(JobService.class).start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
        replicaB.getBean(JobEngine.class).dispatch(job.id());
        JobView done = await(replicaB, job, Duration.ofSeconds(30), JobStatus.SUCCEEDED);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(runs).hasSize(4).allSatisfy((node, n) -> assertThat(n).hasValue(1));
    }

    @Test
    void whenTheReplicaRunningAJobDiesTheOtherMarksItInterruptedWithinTheLease() throws Exception {
        ConfigurableApplicationContext doomed = start("replica-doomed");
        try {
            ClusterTargets cluster = targetsOf(doomed).add("dies", 2);
            CountDownLatch running = new CountDownLatch(2);
            phaseOf(doomed)
                    .script(
                            cluster.clusterId(),
                            ctx -> {
                                running.countDown();
                                Thread.sleep(120_000);
                                return StepOutcome.succeeded();
                            },
                            "hang");
            JobView job = doomed.getBean(JobService.class).start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
            assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

            // Death without clean-up: its database pool vanishes, so no heartbeat, no release, no outcome.
            long diedAt = System.nanoTime();
            ((HikariDataSource) doomed.getBean(DataSource.class)).close();

            JobView interrupted = await(replicaB, job, Duration.ofSeconds(30), JobStatus.INTERRUPTED);
            assertThat(interrupted.error().reason()).isEqualTo("INTERRUPTED");
            assertThat(Duration.ofNanos(System.nanoTime() - diedAt)).isLessThan(Duration.ofSeconds(15));
        } finally {
            doomed.close();
        }
    }

    private static JobView await(
            ConfigurableApplicationContext context, JobView job, Duration timeout, JobStatus expected)
            throws InterruptedException {
        JobService jobs = context.getBean(JobService.class);
        long end = System.nanoTime() + timeout.toNanos();
        JobView current = jobs.find(job.id());
        while (System.nanoTime() < end && current.status() != expected) {
            Thread.sleep(100);
            current = jobs.find(job.id());
        }
        return current;
    }

    private static void copyCluster(ClusterTargets cluster, ConfigurableApplicationContext context) {
        targetsOf(context).put(cluster);
    }

    private static TestTargets targetsOf(ConfigurableApplicationContext context) {
        return context.getBean(TestTargets.class);
    }

    private static ScriptedPhase phaseOf(ConfigurableApplicationContext context) {
        return context.getBean(ScriptedPhase.class);
    }

    private static ConfigurableApplicationContext start(String replica) {
        return new SpringApplicationBuilder(AscendControlPlaneApplication.class, TestJobsConfiguration.class)
                .run(
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--server.port=0",
                        "--ascendcp.jobs.instance-id=" + replica,
                        "--ascendcp.jobs.lease=3s",
                        "--ascendcp.jobs.heartbeat=500ms",
                        "--ascendcp.jobs.sweep-interval=1s");
    }
}
