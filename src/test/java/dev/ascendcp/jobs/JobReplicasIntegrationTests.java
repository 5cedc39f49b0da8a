package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ascendcp.AscendControlPlaneApplication;
import dev.ascendcp.jobs.engine.JobEngine;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.ssh.HostKeyPin;
import dev.ascendcp.ssh.HostKeyPolicy;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.RemoteExecutor;
import dev.ascendcp.ssh.SshAuth;
import dev.ascendcp.ssh.SshTarget;
import dev.ascendcp.support.PostgresTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
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

    private static final String SIM_PASSWORD = "sim-Pa55-replicas";

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

    @Test
    void aCancelSentToTheOtherReplicaStopsTheRemoteCommandOnTheReplicaThatRunsTheJob() throws Exception {
        try (SimulatedCluster sim = SimulatedCluster.start(ClusterSpec.builder(Files.createTempDirectory("replica-sim"))
                .nodes(1)
                .namePrefix("rsim-")
                .password(SIM_PASSWORD)
                .build())) {
            SimulatedNode node = sim.nodes().get(0);
            node.faults().hang(true);
            String[] key = node.hostKeyLine().split(" ");
            SshTarget target = SshTarget.of(
                            "replica-sim", node.sshHost(), node.port(), sim.username(), SshAuth.password(SIM_PASSWORD))
                    .withHostKeyPolicy(HostKeyPolicy.STRICT)
                    .withPinnedHostKey(HostKeyPin.of(key[0], key[1]));
            SshSteps ssh = new SshSteps(replicaA.getBean(RemoteExecutor.class), id -> target);
            ClusterTargets cluster = targetsOf(replicaA).add("cancel-elsewhere", 1);
            copyCluster(cluster, replicaB);
            phaseOf(replicaA)
                    .script(
                            cluster.clusterId(),
                            ssh.run(RemoteCommand.of("hccn_tool", "-i", "0", "-link", "-g")),
                            "link",
                            "after");
            JobView job = replicaA.getBean(JobService.class).start(cluster.clusterId(), PhaseKind.VERIFY, Map.of());
            awaitTrue(() -> hccnRuns(node), Duration.ofSeconds(20), "hccn_tool runs on the node");
            assertThat(replicaA.getBean(JobEngine.class).isRunningHere(job.id()))
                    .isTrue();
            assertThat(replicaB.getBean(JobEngine.class).isRunningHere(job.id()))
                    .isFalse();

            long cancelAt = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + portOf(replicaB) + "/api/v1/jobs/"
                                            + job.id() + "/cancel"))
                                    .header("Authorization", basic("operator"))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            awaitTrue(() -> !hccnRuns(node), Duration.ofSeconds(5), "the command on the node was killed");
            assertThat(Duration.ofNanos(System.nanoTime() - cancelAt)).isLessThan(Duration.ofSeconds(5));

            JobView cancelled = await(replicaB, job, Duration.ofSeconds(20), JobStatus.CANCELLED);
            assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(cancelled.error().message()).isEqualTo("cancelled by operator");
            assertThat(cancelled.steps())
                    .filteredOn(s -> s.name().equals("link"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.CANCELLED));
            assertThat(cancelled.steps())
                    .filteredOn(s -> s.name().equals("after"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
        }
    }

    private static boolean hccnRuns(SimulatedNode node) {
        return node.processes().list().stream().anyMatch(p -> p.command().contains("hccn_tool"));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                org.assertj.core.api.Assertions.fail("not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + TestJobsConfiguration.PASSWORD).getBytes(StandardCharsets.UTF_8));
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
