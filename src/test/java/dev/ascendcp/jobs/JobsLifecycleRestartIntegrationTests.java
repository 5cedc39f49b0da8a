package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ascendcp.AscendControlPlaneApplication;
import dev.ascendcp.jobs.model.ClusterLocks;
import dev.ascendcp.jobs.model.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jobs lifecycle can be stopped and started again (as the test context cache pauses and resumes contexts): after
 * the restart the job the stop abandoned is INTERRUPTED, new jobs run, and the cluster-wide sweeper runs again.
 */
class JobsLifecycleRestartIntegrationTests {

    @Test
    void afterAPauseAndARestartTheEngineRunsJobsAndTheSweeperWorksAgain() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        AscendControlPlaneApplication.class, TestJobsConfiguration.class)
                .run(
                        "--server.port=0",
                        "--ascendcp.jobs.instance-id=pausing-replica",
                        "--ascendcp.jobs.heartbeat=500ms",
                        "--ascendcp.jobs.sweep-interval=1s")) {
            JobService jobs = context.getBean(JobService.class);
            TestTargets targets = context.getBean(TestTargets.class);
            ScriptedPhase phase = context.getBean(ScriptedPhase.class);
            ClusterTargets cluster = targets.add("pausing", 2);
            CountDownLatch running = new CountDownLatch(2);
            phase.script(
                    cluster.clusterId(),
                    ctx -> {
                        running.countDown();
                        Thread.sleep(120_000);
                        return StepOutcome.succeeded();
                    },
                    "hang");
            JobView abandoned = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
            assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

            context.pause();
            assertThat(jobs.find(abandoned.id()).status())
                    .as("a stop writes no outcome")
                    .isEqualTo(JobStatus.RUNNING);
            context.restart();

            JobView interrupted = await(jobs, abandoned.id(), j -> j.status().isTerminal());
            assertThat(interrupted.status()).isEqualTo(JobStatus.INTERRUPTED);

            phase.script(cluster.clusterId(), ctx -> StepOutcome.succeeded(), "first", "second");
            JobView after = jobs.start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
            assertThat(await(jobs, after.id(), j -> j.status().isTerminal()).status())
                    .isEqualTo(JobStatus.SUCCEEDED);

            // A job of a replica that died (its lease ran out): only the restarted sweeper can end it.
            ClusterTargets orphanCluster = targets.add("orphaned", 1);
            context.getBean(ClusterLocks.class).ensureRow(orphanCluster.clusterId());
            Instant longAgo = Instant.now().minusSeconds(120);
            JobView orphan = context.getBean(JobStore.class)
                    .admit(
                            orphanCluster.clusterId(),
                            orphanCluster.clusterName(),
                            PhaseKind.VERIFY,
                            "admin",
                            Map.of(),
                            null,
                            List.of(new JobStore.NewStep(
                                    orphanCluster.nodes().get(0).nodeId(),
                                    orphanCluster.nodes().get(0).nodeName(),
                                    "noop",
                                    0,
                                    0)),
                            "a-replica-that-died",
                            longAgo,
                            longAgo.plusSeconds(20));
            JobView swept = await(jobs, orphan.id(), j -> j.status().isTerminal());
            assertThat(swept.status()).isEqualTo(JobStatus.INTERRUPTED);
            assertThat(swept.error().message()).contains("stopped renewing its lease");
        }
    }

    private static JobView await(JobService jobs, UUID id, Predicate<JobView> condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JobView job = jobs.find(id);
        while (!condition.test(job)) {
            if (System.nanoTime() > end) {
                return fail("not in 30 s: " + job);
            }
            Thread.sleep(100);
            job = jobs.find(id);
        }
        return job;
    }
}
