package dev.ascendcp.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.LogLine;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.CommandResult;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Serve phase through the job engine against two simulated A2 nodes (Ray brought up by {@link SimulatedRay}):
 * full context, in-memory H2, inventory created over REST.
 */
@SpringBootTest(
        properties = {
            "ascendcp.serving.poll-interval=200ms",
            "ascendcp.serving.readiness-timeout=8s",
            "ascendcp.serving.stop-grace=3s",
            "ascendcp.serving.health-check-interval=1h",
            "ascendcp.serving.access=auto",
            "ascendcp.serving.playground.burst=2",
            "ascendcp.serving.playground.requests-per-minute=1",
            "ascendcp.ssh.connect-timeout=5s"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeIntegrationTests {

    static final String MODEL = "/data/models/Qwen2.5-7B-Instruct";
    static final String PASSWORD = "sim-" + Long.toHexString(System.nanoTime());

    @Autowired
    MockMvc mvc;

    @Autowired
    JobService jobs;

    @Autowired
    ServingStatus serving;

    @Autowired
    EndpointMonitor monitor;

    SimulatedCluster sim;
    SimulatedNode head;
    SimulatedNode worker;
    String clusterId;
    int port;

    static RequestPostProcessor admin() {
        return user("alice").roles("ADMIN");
    }

    static RequestPostProcessor operator() {
        return user("oscar").roles("OPERATOR");
    }

    static RequestPostProcessor viewer() {
        return user("vera").roles("VIEWER");
    }

    @BeforeAll
    void startSimulatorAndInventory() throws Exception {
        sim = SimulatedCluster.start(ClusterSpec.builder(Files.createTempDirectory("serve-keys"))
                .nodes(2)
                .password(PASSWORD)
                .build());
        sim.setVllmStartupDelay(Duration.ofMillis(300));
        head = sim.nodes().get(0);
        worker = sim.nodes().get(1);
        sim.nodes().forEach(SimulatedRay::container);
        SimulatedRay.start(head, worker, "");
        port = freePort();
        String credential = create(
                "/api/v1/credentials",
                "{\"name\":\"sim\",\"username\":\"" + sim.username() + "\",\"kind\":\"PASSWORD\",\"password\":\""
                        + PASSWORD + "\"}");
        String headId = create("/api/v1/nodes", nodeJson(head, credential));
        String workerId = create("/api/v1/nodes", nodeJson(worker, credential));
        clusterId = create("/api/v1/clusters", clusterJson("serve-sim", headId, workerId, 8, 2));
    }

    @AfterAll
    void stopSimulator() {
        SimulatedRay.stop(head, worker);
        sim.close();
    }

    @BeforeEach
    void healthyCluster() {
        sim.setVllmStartupDelay(Duration.ofMillis(300));
    }

    @AfterEach
    void stopServing() throws Exception {
        awaitNoJob();
        mvc.perform(post("/api/v1/clusters/{id}/serving/stop", clusterId).with(operator()))
                .andExpect(status().isOk());
    }

    @Test
    void servesTp8Pp2OnTwoNodesAndAnswersTheSmokeTest() throws Exception {
        StepHarness.Result job = runServe();
        assertThat(job.succeeded()).as(job.steps() + job.logText()).isTrue();
        String log = job.logText();
        assertThat(log)
                .contains("--tensor-parallel-size 8 --pipeline-parallel-size 2 --distributed-executor-backend ray"
                        + " --disable-frontend-multiprocessing --enforce-eager --trust-remote-code")
                .contains("docker exec -d vllm-ascend sh -c")
                .contains("Application startup complete.")
                .contains("POST /v1/completions \"The future of AI is\" → 24 tokens");
        assertThat(job.steps())
                .extracting(s -> s.nodeName() + ":" + s.name())
                .contains(
                        "sim-node-1:check model",
                        "sim-node-2:check model",
                        "sim-node-1:launch vLLM",
                        "sim-node-1:wait for /health",
                        "sim-node-1:smoke test");
        ServingView view = serving.current(UUID.fromString(clusterId));
        assertThat(view.state()).isEqualTo(ServingState.READY);
        assertThat(view.url()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(view.model()).isEqualTo("qwen");
        assertThat(view.smoke().completionTokens()).isEqualTo(24);
        assertThat(view.launchCommand()).contains("--disable-frontend-multiprocessing");
        assertThat(head.listeners()).contains(head.localIp() + ":" + port);

        monitor.checkAll();
        mvc.perform(get("/api/v1/clusters/{id}/serving", clusterId).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("READY"))
                .andExpect(jsonPath("$.metrics.generationTokensTotal").value(24.0))
                .andExpect(jsonPath("$.metrics.requestsRunning").value(0.0));
        mvc.perform(get("/clusters/{id}/serving/panel", clusterId).with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("READY")))
                .andExpect(content().string(containsString("http://127.0.0.1:" + port)));
    }

    @Test
    void playgroundStreamsTheAnswerToAViewerAndLimitsTheRate() throws Exception {
        assertThat(runServe().succeeded()).isTrue();
        String body = "{\"prompt\":\"Hello there\",\"maxTokens\":5,\"temperature\":0.2}";
        MvcResult started = mvc.perform(post("/api/v1/clusters/{id}/playground", clusterId)
                        .with(user("pia").roles("VIEWER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(request().asyncStarted())
                .andReturn();
        String events = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(events).contains("event: token\ndata: {\"text\":\" To\"}").contains("event: done");
        assertThat(events).contains("\"completionTokens\":5");
        mvc.perform(post("/api/v1/clusters/{id}/playground", clusterId)
                        .with(user("pia").roles("VIEWER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(request().asyncStarted());
        mvc.perform(post("/api/v1/clusters/{id}/playground", clusterId)
                        .with(user("pia").roles("VIEWER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/rate-limited"));
    }

    @Test
    void stopsAndRestartsServing() throws Exception {
        assertThat(runServe().succeeded()).isTrue();
        mvc.perform(post("/api/v1/clusters/{id}/serving/stop", clusterId).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("STOPPED"));
        awaitListener(false);
        // Restart = a new SERVE job (POST /serving/restart); its launch step stops any running vLLM first.
        StepHarness.Result restarted = runServe();
        assertThat(restarted.succeeded()).as(restarted.logText()).isTrue();
        assertThat(restarted.logText()).contains("no vLLM started by the control plane runs");
        assertThat(runServe().logText()).containsPattern("vLLM \\(pid [0-9]+\\) stopped");
        assertThat(serving.current(UUID.fromString(clusterId)).state()).isEqualTo(ServingState.READY);
        assertThat(serving.history(UUID.fromString(clusterId), org.springframework.data.domain.Pageable.ofSize(20)))
                .extracting(ServingEventView::to)
                .contains(ServingState.STOPPED, ServingState.STARTING, ServingState.READY);
    }

    @Test
    void restartEndpointRelaunchesVllmInASecondServeJobOfTheCallingUser() throws Exception {
        StepHarness.Result first = runServe();
        assertThat(first.succeeded()).as(first.logText()).isTrue();
        String firstPid = launchedPid(first);

        MvcResult accepted = mvc.perform(post("/api/v1/clusters/{id}/serving/restart", clusterId)
                        .with(user("olga").roles("OPERATOR")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.phase").value("SERVE"))
                .andExpect(jsonPath("$.requestedBy").value("olga"))
                .andReturn();
        UUID jobId = UUID.fromString(JsonPath.read(accepted.getResponse().getContentAsString(), "$.id"));
        assertThat(accepted.getResponse().getHeader("Location")).isEqualTo("/api/v1/jobs/" + jobId);
        // one job per cluster: a second restart while the first runs is refused and names it
        mvc.perform(post("/api/v1/clusters/{id}/serving/restart", clusterId).with(operator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.runningJobId").value(jobId.toString()));

        JobView restarted = await(jobId);

        assertThat(restarted.status()).as(describe(restarted)).isEqualTo(dev.ascendcp.jobs.JobStatus.SUCCEEDED);
        assertThat(restarted.requestedBy()).isEqualTo("olga");
        assertThat(log(restarted)).contains("vLLM (pid " + firstPid + ") stopped");
        String secondPid = restarted.steps().stream()
                .filter(step -> step.name().equals("launch vLLM"))
                .map(step -> step.message().replaceAll(".*\\(pid ([0-9]+)\\).*", "$1"))
                .findFirst()
                .orElseThrow();
        assertThat(secondPid).isNotEqualTo(firstPid);
        assertThat(head.run("docker exec " + SimulatedRay.CONTAINER + " cat /tmp/ascendcp/vllm.log.pid")
                        .stdout()
                        .strip())
                .isEqualTo(secondPid);
        ServingView view = serving.current(UUID.fromString(clusterId));
        assertThat(view.state()).isEqualTo(ServingState.READY);
        assertThat(view.jobId()).isEqualTo(jobId);
        assertThat(serving.history(UUID.fromString(clusterId), org.springframework.data.domain.Pageable.ofSize(3)))
                .extracting(ServingEventView::to)
                .startsWith(ServingState.READY, ServingState.STARTING);
        mvc.perform(get("/api/v1/audit")
                        .param("actor", "olga")
                        .param("action", "serving.restart")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].target").value("cluster:" + clusterId))
                .andExpect(jsonPath("$.content[0].detail").value("SERVE job " + jobId));
    }

    @Test
    void restartEndpointRefusesAnInvalidOptionBeforeAnySsh() throws Exception {
        assertThat(runServe().succeeded()).isTrue();
        long jobsBefore = jobs.list(
                        new dev.ascendcp.jobs.JobFilter(UUID.fromString(clusterId), null, null),
                        org.springframework.data.domain.Pageable.ofSize(1))
                .getTotalElements();

        mvc.perform(post("/api/v1/clusters/{id}/serving/restart", clusterId)
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quantizationCheck\":\"MAYBE\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("must be WARN or FAIL")));

        assertThat(jobs.list(
                                new dev.ascendcp.jobs.JobFilter(UUID.fromString(clusterId), null, null),
                                org.springframework.data.domain.Pageable.ofSize(1))
                        .getTotalElements())
                .isEqualTo(jobsBefore);
        assertThat(serving.current(UUID.fromString(clusterId)).state()).isEqualTo(ServingState.READY);
    }

    @Test
    void aRawLaunchWithoutTheFlagFailsLikeVllmAndIsClassified() {
        CommandResult raw = head.run("docker exec " + SimulatedRay.CONTAINER + " python -m"
                + " vllm.entrypoints.openai.api_server --model " + MODEL
                + " --distributed-executor-backend ray --tensor-parallel-size 8 --pipeline-parallel-size 2");
        assertThat(raw.exitStatus()).isNotZero();
        assertThat(ServeFailureClassifier.classify(raw.stderr().lines().toList()))
                .isEqualTo(ServeFailure.PP_NEEDS_ASYNC_ENGINE);
    }

    @Test
    void refusesToLaunchWhenTheModelIsMissingOnTheWorker() throws Exception {
        byte[] config = worker.fileSystem().read(MODEL + "/config.json");
        worker.fileSystem().delete(MODEL + "/config.json");
        try {
            StepHarness.Result job = runServe();
            assertThat(job.succeeded()).isFalse();
            assertThat(job.steps())
                    .filteredOn(s -> s.name().equals("launch vLLM"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.message()).contains("missing on sim-node-2"));
            assertThat(head.listeners()).doesNotContain(head.localIp() + ":" + port);
        } finally {
            worker.fileSystem().write(MODEL + "/config.json", config, false);
        }
    }

    @Test
    void classifiesAVllmCrashWhenRayRegisteredGpusInsteadOfNpus() throws Exception {
        SimulatedRay.start(head, worker, " --num-gpus=8");
        try {
            StepHarness.Result job = runServe();
            assertThat(job.succeeded()).isFalse();
            ServingView view = serving.current(UUID.fromString(clusterId));
            assertThat(view.state()).isEqualTo(ServingState.FAILED);
            assertThat(view.reason()).isEqualTo("NO_NPU_AVAILABLE");
            assertThat(view.message()).contains("Current node has no NPU available");
            assertThat(job.logText()).contains("last ").contains("vLLM engine cannot start without NPU");
        } finally {
            SimulatedRay.start(head, worker, "");
        }
    }

    @Test
    void failsWithTheLogTailWhenVllmIsNotReadyInTime() throws Exception {
        sim.setVllmStartupDelay(Duration.ofSeconds(60));
        StepHarness.Result job = runServe();
        assertThat(job.succeeded()).isFalse();
        ServingView view = serving.current(UUID.fromString(clusterId));
        assertThat(view.reason()).isEqualTo("READINESS_TIMEOUT");
        assertThat(view.message()).contains("not ready within").contains("Connecting to existing Ray cluster");
    }

    @Test
    void rejectsTpTimesPpAboveTheNpusBeforeAnySsh() throws Exception {
        String credential = create(
                "/api/v1/credentials",
                "{\"name\":\"far\",\"username\":\"ops\",\"kind\":\"PASSWORD\",\"password\":\"x\"}");
        String a = create(
                "/api/v1/nodes",
                "{\"name\":\"far-a\",\"host\":\"192.0.2.10\",\"sshPort\":22," + "\"credentialId\":\"" + credential
                        + "\",\"nicName\":\"eth0\",\"npuCount\":8}");
        String b = create(
                "/api/v1/nodes",
                "{\"name\":\"far-b\",\"host\":\"192.0.2.11\",\"sshPort\":22," + "\"credentialId\":\"" + credential
                        + "\",\"nicName\":\"eth0\",\"npuCount\":8}");
        String far = create("/api/v1/clusters", clusterJson("too-big", a, b, 16, 2));
        Instant before = Instant.now();
        mvc.perform(post("/api/v1/clusters/{id}/jobs", far)
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"SERVE\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].rule").value("tp-times-pp-within-npus"));
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(jobs.list(
                                new dev.ascendcp.jobs.JobFilter(UUID.fromString(far), null, null),
                                org.springframework.data.domain.Pageable.ofSize(5))
                        .getTotalElements())
                .isZero();
    }

    @Test
    void requiresLoginAndTheOperatorRoleToStopOrRestart() throws Exception {
        mvc.perform(get("/api/v1/clusters/{id}/serving", clusterId)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/clusters/{id}/playground", clusterId)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/clusters/{id}/serving/stop", clusterId).with(viewer()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/clusters/{id}/serving/restart", clusterId).with(viewer()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/clusters/{id}/playground", clusterId)
                        .with(viewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"hi\"}"))
                .andExpect(status().isConflict());
    }

    /** A SERVE job through the real engine, as the API starts it; its steps and log as the tests read them. */
    private StepHarness.Result runServe() throws Exception {
        JobView job = await(jobs.start(
                        UUID.fromString(clusterId),
                        dev.ascendcp.jobs.PhaseKind.SERVE,
                        java.util.Map.of("quantizationCheck", "WARN"))
                .id());
        java.util.List<StepHarness.Ran> steps = job.steps().stream()
                .map(step -> new StepHarness.Ran(step.nodeName(), step.name(), outcome(step)))
                .toList();
        java.util.List<String> log = new java.util.ArrayList<>();
        jobs.forEachLine(job.id(), null, line -> log.add(line.text()));
        return new StepHarness.Result(job.status() == dev.ascendcp.jobs.JobStatus.SUCCEEDED, steps, log);
    }

    private static String launchedPid(StepHarness.Result job) {
        return job.steps().stream()
                .filter(step -> step.name().equals("launch vLLM"))
                .map(step -> step.message().replaceAll(".*\\(pid ([0-9]+)\\).*", "$1"))
                .findFirst()
                .orElseThrow();
    }

    private static dev.ascendcp.jobs.StepOutcome outcome(dev.ascendcp.jobs.StepView step) {
        String message = step.message() == null ? "" : step.message();
        return switch (step.status()) {
            case SUCCEEDED -> dev.ascendcp.jobs.StepOutcome.succeeded(message);
            case SKIPPED, PENDING, CANCELLED -> dev.ascendcp.jobs.StepOutcome.skipped(message);
            default ->
                dev.ascendcp.jobs.StepOutcome.failed(
                        step.reason() == null ? "FAILED" : step.reason(), message, step.exitCode());
        };
    }

    private JobView await(UUID jobId) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        JobView job = jobs.find(jobId);
        while (!job.status().isTerminal() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            job = jobs.find(jobId);
        }
        return job;
    }

    private void awaitNoJob() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            boolean running = jobs
                    .list(
                            new dev.ascendcp.jobs.JobFilter(UUID.fromString(clusterId), null, null),
                            org.springframework.data.domain.Pageable.ofSize(50))
                    .stream()
                    .anyMatch(j -> !j.status().isTerminal());
            if (!running) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private void awaitListener(boolean present) throws InterruptedException {
        for (int i = 0; i < 50 && head.listeners().contains(head.localIp() + ":" + port) != present; i++) {
            Thread.sleep(100);
        }
        assertThat(head.listeners().contains(head.localIp() + ":" + port)).isEqualTo(present);
    }

    private String log(JobView job) {
        List<String> lines = new ArrayList<>();
        jobs.forEachLine(job.id(), null, (LogLine l) -> lines.add(l.text()));
        return String.join("\n", lines);
    }

    private String describe(JobView job) {
        return job.error() + " " + job.steps() + "\n" + log(job);
    }

    private String create(String path, String json) throws Exception {
        String response = mvc.perform(post(path)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private static String nodeJson(SimulatedNode node, String credential) {
        return "{\"name\":\"" + node.name() + "\",\"host\":\"" + node.sshHost() + "\",\"sshPort\":" + node.port()
                + ",\"credentialId\":\"" + credential + "\",\"sudo\":false,\"localIp\":\"" + node.localIp()
                + "\",\"nicName\":\"" + node.nic() + "\",\"npuCount\":8}";
    }

    private String clusterJson(String name, String headId, String workerId, int tp, int pp) {
        return "{\"name\":\"" + name + "\",\"headNodeId\":\"" + headId + "\",\"workerNodeIds\":[\"" + workerId
                + "\"],\"container\":{\"image\":\"quay.io/ascend/vllm-ascend:v0.9.1\",\"name\":\""
                + SimulatedRay.CONTAINER + "\"},\"serve\":{\"model\":\"" + MODEL
                + "\",\"servedModelName\":\"qwen\",\"port\":" + port + ",\"tensorParallelSize\":" + tp
                + ",\"pipelineParallelSize\":" + pp + ",\"enforceEager\":true,\"trustRemoteCode\":true}}";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
