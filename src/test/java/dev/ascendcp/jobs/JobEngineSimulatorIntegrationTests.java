package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.ProcessTable;
import dev.ascendcp.simulator.shell.SimProcess;
import dev.ascendcp.ssh.RemoteCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The engine against the simulator: a scripted phase whose steps run real commands over SSH ({@link SshSteps}: the
 * inventory's targets, pinned host keys, the real executor) on 16 simulated nodes (MINA SSHD servers). What happened on
 * a node is checked on the simulator's side, in its process table.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ascendcp.jobs.instance-id=sim-replica",
            "ascendcp.jobs.retry-attempts=6",
            "ascendcp.jobs.retry-backoff=200ms",
            "ascendcp.jobs.retry-backoff-max=1s",
            "ascendcp.jobs.cancel-grace=3s",
            "ascendcp.ssh.connect-timeout=3s"
        })
@Import(SimulatorJobsConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobEngineSimulatorIntegrationTests {

    private static final String SIM_PASSWORD = "sim-Pa55-engine";
    private static final int NODES = 16;
    private static final RemoteCommand HCCN_LINK = RemoteCommand.of("hccn_tool", "-i", "0", "-link", "-g");

    @LocalServerPort
    int port;

    @Autowired
    JobService jobs;

    @Autowired
    ScriptedPhase phase;

    @Autowired
    SshSteps ssh;

    private final HttpClient http = HttpClient.newHttpClient();
    private SimulatedCluster sim;
    private SimulatorInventory inventory;
    private List<TargetNode> nodes;
    private @Nullable UUID lastJob;

    @BeforeAll
    void startSimulator() throws Exception {
        sim = SimulatedCluster.start(ClusterSpec.builder(Files.createTempDirectory("engine-sim"))
                .nodes(NODES)
                .namePrefix("esim-")
                .password(SIM_PASSWORD)
                .hccnLatency(Duration.ofMillis(2))
                .build());
        inventory = SimulatorInventory.register(this::postAsAdmin, sim, SIM_PASSWORD, "engine-sim");
        nodes = inventory.nodeIds.entrySet().stream()
                .map(e -> new TargetNode(e.getValue(), e.getKey()))
                .toList();
    }

    @AfterAll
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @AfterEach
    void healthyAgain() throws Exception {
        UUID job = lastJob;
        if (job != null && !jobs.find(job).status().isTerminal()) {
            jobs.cancel(job);
            await(job, j -> j.status().isTerminal(), Duration.ofSeconds(30));
        }
        sim.clearFaults();
        sim.nodes().stream().filter(n -> !n.isRunning()).forEach(SimulatedNode::start);
    }

    @Test
    void fansOutOverSixteenNodesInParallelEachNodeRunningItsStepsInOrder() throws Exception {
        RemoteCommand hold = RemoteCommand.of("sleep", "3");
        phase.script(
                inventory.clusterId,
                (request, targets) -> JobPlan.builder()
                        .stepOnEach(targets.nodes(), "hold", ssh.run(hold))
                        .stepOnEach(targets.nodes(), "hostname", ssh.run(RemoteCommand.of("hostname")))
                        .build());
        AtomicInteger mostNodesAtOnce = new AtomicInteger();
        Set<Progress> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                int running = (int)
                        sim.nodes().stream().filter(n -> runs(n, "sleep 3")).count();
                mostNodesAtOnce.accumulateAndGet(running, Math::max);
                if (lastJob != null) {
                    seen.add(jobs.find(lastJob).progress());
                }
                sleepQuietly(20);
            }
        });
        sampler.start();
        JobView done;
        try {
            done = awaitFinished(start().id());
        } finally {
            sampling.set(false);
            sampler.join();
        }

        assertThat(done.status()).as("%s", done).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(new Progress(2 * NODES, 2 * NODES));
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.total()).isEqualTo(2 * NODES);
            assertThat(p.done()).isLessThan(2 * NODES);
        });
        // On the simulator's side: the command was running on all 16 nodes at one moment.
        assertThat(mostNodesAtOnce).hasValue(NODES);
        List<StepView> holds = steps(done, "hold");
        Instant lastStart = holds.stream()
                .map(StepView::startedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Instant firstEnd = holds.stream()
                .map(StepView::finishedAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(lastStart).as("all 16 step intervals overlap").isBefore(firstEnd);
        for (TargetNode node : nodes) {
            StepView first = step(done, node, "hold");
            StepView second = step(done, node, "hostname");
            assertThat(second.startedAt())
                    .as("%s runs its steps in order", node.nodeName())
                    .isAfterOrEqualTo(first.finishedAt());
            assertThat(lines(done.id(), node.nodeName(), LogStream.STDOUT))
                    .as("the output of %s is its own", node.nodeName())
                    .containsExactly(node.nodeName());
        }
    }

    @Test
    void retriesACommandWhileTheToolIsBusyAndRecordsTheAttempts() throws Exception {
        TargetNode node = nodes.get(0);
        sim.node(node.nodeName()).faults().busyProbability(1.0);
        phase.script(
                inventory.clusterId,
                (request, targets) ->
                        JobPlan.builder().step(node, "link", ssh.run(HCCN_LINK)).build());
        JobView started = start();

        // Busy on every call until the step was retried at least once; then the tool answers.
        await(started.id(), j -> j.steps().get(0).attempts() >= 2, Duration.ofSeconds(20));
        sim.node(node.nodeName()).faults().busyProbability(0);
        JobView done = awaitFinished(started.id());

        assertThat(done.status()).as("%s", done).isEqualTo(JobStatus.SUCCEEDED);
        StepView step = done.steps().get(0);
        assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step.attempts()).isGreaterThan(1);
        assertThat(lines(done.id(), node.nodeName(), LogStream.STDERR))
                .contains("hccn_tool is busy, please try again.");
        assertThat(lines(done.id(), node.nodeName(), LogStream.SYSTEM))
                .anyMatch(l -> l.startsWith("attempt 1 failed (TOOL_BUSY"));
        assertThat(lines(done.id(), node.nodeName(), LogStream.STDOUT)).containsExactly("link status: UP");
    }

    @Test
    void aHungCommandHitsItsStepTimeoutAndIsKilledOnTheNode() throws Exception {
        TargetNode node = nodes.get(1);
        SimulatedNode simNode = sim.node(node.nodeName());
        simNode.faults().hang(true);
        phase.script(
                inventory.clusterId,
                (request, targets) -> JobPlan.builder()
                        .step(node, "link", Duration.ofSeconds(2), ssh.run(HCCN_LINK))
                        .build());
        JobView started = start();
        awaitOnNode(() -> runs(simNode, "hccn_tool"), Duration.ofSeconds(10), "hccn_tool runs on the node");
        List<SimProcess> hung = processes(simNode, "hccn_tool");

        JobView done = awaitFinished(started.id());

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        StepView step = done.steps().get(0);
        assertThat(step.status()).isEqualTo(StepStatus.FAILED);
        assertThat(step.reason()).isEqualTo("COMMAND_TIMEOUT");
        assertThat(step.message()).contains("timed out after 2 s");
        assertThat(step.attempts()).as("a timeout is not retried").isEqualTo(1);
        assertThat(done.error().reason()).isEqualTo("COMMAND_TIMEOUT");
        awaitOnNode(() -> !runs(simNode, "hccn_tool"), Duration.ofSeconds(3), "the hung hccn_tool was killed");
        assertKilled(hung);
    }

    @Test
    void aNodeThatIsDownFailsOnlyItselfAndTheJobSaysWhereAndWhat() throws Exception {
        List<TargetNode> four = nodes.subList(0, 4);
        TargetNode down = four.get(2);
        sim.node(down.nodeName()).stop();
        phase.script(
                inventory.clusterId,
                (request, targets) -> JobPlan.builder()
                        .stepOnEach(four, "hostname", ssh.run(RemoteCommand.of("hostname")))
                        .stepOnEach(four, "uname", ssh.run(RemoteCommand.of("uname", "-n")))
                        .build());

        JobView done = awaitFinished(start().id());

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        StepView failed = step(done, down, "hostname");
        assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.reason()).isIn("IO", "CONNECT_TIMEOUT");
        assertThat(failed.message()).contains("connect");
        assertThat(failed.attempts()).as("a refused connection is retried").isEqualTo(6);
        assertThat(step(done, down, "uname").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(done.error().message()).contains(down.nodeName(), "hostname", failed.message());
        List<String> downLog = lines(done.id(), down.nodeName(), LogStream.SYSTEM);
        assertThat(downLog).contains("$ hostname");
        assertThat(downLog).anyMatch(l -> l.contains("hostname failed: " + failed.reason()));
        for (TargetNode node : four) {
            if (node.equals(down)) {
                continue;
            }
            assertThat(step(done, node, "hostname").status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(step(done, node, "uname").status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(lines(done.id(), node.nodeName(), LogStream.STDOUT))
                    .containsExactly(node.nodeName(), node.nodeName());
        }
    }

    @Test
    void cancelOfAHungCommandKillsItOnTheNodesWithinFiveSeconds() throws Exception {
        List<TargetNode> two = nodes.subList(3, 5);
        List<SimulatedNode> simNodes =
                two.stream().map(n -> sim.node(n.nodeName())).toList();
        simNodes.forEach(n -> n.faults().hang(true));
        phase.script(
                inventory.clusterId,
                (request, targets) -> JobPlan.builder()
                        .stepOnEach(two, "link", ssh.run(HCCN_LINK))
                        .stepOnEach(two, "after", ssh.run(RemoteCommand.of("true")))
                        .build());
        JobView started = start();
        awaitOnNode(
                () -> simNodes.stream().allMatch(n -> runs(n, "hccn_tool")),
                Duration.ofSeconds(10),
                "hccn_tool runs on both nodes");
        List<SimProcess> hung = simNodes.stream()
                .flatMap(n -> processes(n, "hccn_tool").stream())
                .toList();

        long cancelAt = System.nanoTime();
        HttpResponse<String> response = send("POST", "/api/v1/jobs/" + started.id() + "/cancel", "operator");
        assertThat(response.statusCode()).isEqualTo(202);
        awaitOnNode(
                () -> simNodes.stream().noneMatch(n -> runs(n, "hccn_tool")),
                Duration.ofSeconds(5),
                "the hung commands were killed");
        Duration killedAfter = Duration.ofNanos(System.nanoTime() - cancelAt);
        JobView done = awaitFinished(started.id());

        assertThat(killedAfter).isLessThan(Duration.ofSeconds(5));
        assertKilled(hung);
        assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(done.error().message()).isEqualTo("cancelled by operator");
        assertThat(steps(done, "link"))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.CANCELLED));
        assertThat(steps(done, "after"))
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
    }

    @Test
    void theJobDeadlineEndsTheJobAndKillsItsCommands() throws Exception {
        List<TargetNode> two = nodes.subList(5, 7);
        List<SimulatedNode> simNodes =
                two.stream().map(n -> sim.node(n.nodeName())).toList();
        simNodes.forEach(n -> n.faults().hang(true));
        // The steps may take the default 30 minutes each; the job as a whole only 3 seconds.
        phase.script(
                inventory.clusterId,
                (request, targets) -> JobPlan.builder()
                        .stepOnEach(two, "link", ssh.run(HCCN_LINK))
                        .stepOnEach(two, "after", ssh.run(RemoteCommand.of("true")))
                        .deadline(Duration.ofSeconds(3))
                        .build());
        JobView started = start();
        awaitOnNode(
                () -> simNodes.stream().allMatch(n -> runs(n, "hccn_tool")),
                Duration.ofSeconds(10),
                "hccn_tool runs on both nodes");
        List<SimProcess> hung = simNodes.stream()
                .flatMap(n -> processes(n, "hccn_tool").stream())
                .toList();

        JobView done = awaitFinished(started.id());

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error().reason()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(Duration.between(done.startedAt(), done.finishedAt()))
                .as("ended by the deadline, not by the steps' timeout")
                .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10));
        assertThat(steps(done, "link")).anySatisfy(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.FAILED);
            assertThat(s.reason()).isEqualTo("DEADLINE_EXCEEDED");
        });
        assertThat(steps(done, "link"))
                .allSatisfy(s -> assertThat(s.status()).isIn(StepStatus.FAILED, StepStatus.CANCELLED));
        assertThat(steps(done, "after")).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));
        awaitOnNode(
                () -> simNodes.stream().noneMatch(n -> runs(n, "hccn_tool")),
                Duration.ofSeconds(3),
                "the hung commands were killed");
        assertKilled(hung);
    }

    /** The simulated processes alive on the node whose command line contains {@code text}. */
    private static List<SimProcess> processes(SimulatedNode node, String text) {
        return node.processes().list().stream()
                .filter(p -> p.command().contains(text))
                .toList();
    }

    /** Each process ended by the kill of its process group (TERM, then KILL), not merely by a hang-up. */
    private static void assertKilled(List<SimProcess> processes) {
        assertThat(processes)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.signal())
                        .as("signal that ended %s", p.command())
                        .isIn(ProcessTable.SIGTERM, ProcessTable.SIGKILL));
    }

    /** Whether a simulated process whose command line contains {@code text} is alive on the node. */
    private static boolean runs(SimulatedNode node, String text) {
        return node.processes().list().stream().anyMatch(p -> p.command().contains(text));
    }

    private JobView start() {
        JobView job = jobs.start(inventory.clusterId, PhaseKind.VERIFY, Map.of());
        lastJob = job.id();
        return job;
    }

    private static List<StepView> steps(JobView job, String name) {
        return job.steps().stream().filter(s -> s.name().equals(name)).toList();
    }

    private static StepView step(JobView job, TargetNode node, String name) {
        return job.steps().stream()
                .filter(s -> s.name().equals(name) && s.nodeId().equals(node.nodeId()))
                .findFirst()
                .orElseThrow();
    }

    private List<String> lines(UUID jobId, String nodeName, LogStream stream) {
        List<String> lines = new ArrayList<>();
        jobs.forEachLine(jobId, nodeName, line -> {
            if (line.stream() == stream) {
                lines.add(line.text());
            }
        });
        return lines;
    }

    private JobView awaitFinished(UUID jobId) throws InterruptedException {
        return await(jobId, j -> j.status().isTerminal(), Duration.ofSeconds(60));
    }

    private JobView await(UUID jobId, Predicate<JobView> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JobView job = jobs.find(jobId);
        while (!condition.test(job)) {
            if (System.nanoTime() > end) {
                return fail("job did not reach the expected state in " + timeout + ": " + job);
            }
            Thread.sleep(50);
            job = jobs.find(jobId);
        }
        return job;
    }

    private static void awaitOnNode(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String postAsAdmin(String path, String contentType, String body) throws Exception {
        HttpResponse<String> response = http.send(
                request(path, "admin")
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST %s: %s", path, response.body())
                .isBetween(200, 299);
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        return http.send(
                request(path, user)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + TestUsersConfiguration.PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)));
    }
}
