package dev.ascendcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.StepStatus;
import dev.ascendcp.jobs.StepView;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * DEPLOY against two simulated A2 nodes through the real engine: a failed verification stops it before Ray, and on a
 * healthy cluster it goes from verification to a served model in one job.
 */
@SpringBootTest(properties = {"ascendcp.serving.poll-interval=200ms", "ascendcp.serving.health-check-interval=1h"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployIntegrationTests {

    private static final String PASSWORD = "sim-" + Long.toHexString(System.nanoTime());

    @Autowired
    MockMvc mvc;

    @Autowired
    JobService jobs;

    SimulatedCluster sim;
    String clusterId;

    @BeforeAll
    void startSimulatorAndInventory() throws Exception {
        sim = SimulatedCluster.start(ClusterSpec.builder(Files.createTempDirectory("deploy-keys"))
                .nodes(2)
                .password(PASSWORD)
                .hccnLatency(Duration.ofMillis(2))
                .build());
        sim.setVllmStartupDelay(Duration.ofMillis(300));
        String credential = create(
                "/api/v1/credentials",
                "{\"name\":\"deploy-sim\",\"username\":\"" + sim.username() + "\",\"kind\":\"PASSWORD\","
                        + "\"password\":\"" + PASSWORD + "\"}");
        String head = create("/api/v1/nodes", node(sim.nodes().get(0), credential));
        String worker = create("/api/v1/nodes", node(sim.nodes().get(1), credential));
        clusterId = create(
                "/api/v1/clusters",
                "{\"name\":\"deploy-sim\",\"headNodeId\":\"" + head + "\",\"workerNodeIds\":[\"" + worker + "\"],"
                        + "\"ray\":{\"port\":" + freePort() + "},"
                        + "\"serve\":{\"model\":\"/data/models/Qwen2.5-7B-Instruct\",\"port\":" + freePort()
                        + ",\"tensorParallelSize\":8,\"pipelineParallelSize\":2}}");
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    @Test
    @Order(1) // on fresh nodes: nothing of Ray or a container may appear
    void stopsAtAFailedVerificationAndNeverStartsRay() throws Exception {
        sim.nodes().get(0).faults().npu(3).linkDown(true);
        try {
            JobView job = deploy();

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(steps(job, "verify/")).anyMatch(step -> step.status() == StepStatus.FAILED);
            assertThat(steps(job, "bootstrap/")).isNotEmpty().allMatch(step -> step.status() == StepStatus.SKIPPED);
            assertThat(steps(job, "serve/")).isNotEmpty().allMatch(step -> step.status() == StepStatus.SKIPPED);
            for (SimulatedNode node : sim.nodes()) {
                assertThat(node.run("docker ps -q").stdout()).as(node.name()).isBlank();
            }
            assertThat(sim.ray().members()).isEmpty();
        } finally {
            sim.clearFaults();
        }
    }

    @Test
    @Order(2)
    void goesFromVerificationToAServedModelInOneJob() throws Exception {
        JobView job = deploy();

        assertThat(job.status()).as(String.valueOf(job.error())).isEqualTo(JobStatus.SUCCEEDED);
        for (String phase : List.of("verify/", "bootstrap/", "serve/")) {
            assertThat(steps(job, phase)).as(phase).isNotEmpty().allMatch(step -> step.status() != StepStatus.FAILED);
        }
        mvc.perform(get("/api/v1/clusters/{id}/status", clusterId)
                        .with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verification.result").value("PASSED"))
                .andExpect(jsonPath("$.ray.state").value("RUNNING"))
                .andExpect(jsonPath("$.ray.npusTotal").value(16))
                .andExpect(jsonPath("$.serving.state").value("READY"));
    }

    @Test
    @Order(3)
    void deployButtonStartsTheJobAndShowsItsPageOrSaysWhyNot() throws Exception {
        String location = mvc.perform(post("/clusters/{id}/deploy", clusterId)
                        .with(user("oscar").roles("OPERATOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/jobs/[0-9a-f-]{36}");
        UUID started = UUID.fromString(location.substring("/jobs/".length()));
        assertThat(jobs.find(started).phase()).isEqualTo(dev.ascendcp.jobs.PhaseKind.DEPLOY);
        assertThat(jobs.find(started).requestedBy()).isEqualTo("oscar");

        mvc.perform(post("/clusters/{id}/deploy", clusterId)
                        .with(user("oscar").roles("OPERATOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/clusters/" + clusterId))
                .andExpect(flash().attribute("flash", containsString("running job " + started)));
        mvc.perform(post("/clusters/{id}/deploy", clusterId)
                        .with(user("vera").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        await(started);
    }

    @Test
    @Order(4)
    void deployButtonRefusesAPlanTooBigForTheClusterBeforeAnySsh() throws Exception {
        String credential = create(
                "/api/v1/credentials",
                "{\"name\":\"far\",\"username\":\"ops\",\"kind\":\"PASSWORD\",\"password\":\"x\"}");
        String far = create(
                "/api/v1/nodes",
                "{\"name\":\"far-a\",\"host\":\"192.0.2.10\",\"credentialId\":\"" + credential
                        + "\",\"nicName\":\"eth0\",\"npuCount\":8}");
        String tooBig = create(
                "/api/v1/clusters",
                "{\"name\":\"too-big\",\"headNodeId\":\"" + far + "\",\"serve\":{\"model\":\"/data/models/x\","
                        + "\"tensorParallelSize\":8,\"pipelineParallelSize\":2}}");

        mvc.perform(post("/clusters/{id}/deploy", tooBig)
                        .with(user("oscar").roles("OPERATOR"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/clusters/" + tooBig))
                .andExpect(flash().attribute("flash", containsString("Deploy not started")))
                .andExpect(flash().attribute("flash", containsString("tensorParallelSize")));
        assertThat(jobs.list(new dev.ascendcp.jobs.JobFilter(UUID.fromString(tooBig), null, null), Pageable.ofSize(1))
                        .getTotalElements())
                .isZero();
    }

    @Test
    @Order(5)
    void servingPanelOffersDeployStopAndRestartToOperatorsWithoutInlineScript() throws Exception {
        String panel = mvc.perform(get("/clusters/{id}/serving/panel", clusterId)
                        .with(user("oscar").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(panel)
                .contains("action=\"/clusters/" + clusterId + "/deploy\"")
                .contains("action=\"/clusters/" + clusterId + "/serving/restart\"")
                .contains("data-confirm=\"Deploy this cluster")
                .doesNotContain("onsubmit");
        mvc.perform(get("/clusters/{id}/serving/panel", clusterId)
                        .with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/deploy"))));
    }

    private JobView await(UUID id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        JobView job = jobs.find(id);
        while (!job.status().isTerminal() && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            job = jobs.find(id);
        }
        return job;
    }

    private JobView deploy() throws Exception {
        String response = mvc.perform(post("/api/v1/clusters/{id}/jobs", clusterId)
                        .with(user("oscar").roles("OPERATOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"DEPLOY\",\"options\":{\"pingStrategy\":\"SAME_INDEX\"}}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return await(UUID.fromString(JsonPath.read(response, "$.id")));
    }

    private static List<StepView> steps(JobView job, String prefix) {
        return job.steps().stream()
                .filter(step -> step.name().startsWith(prefix))
                .toList();
    }

    private String create(String path, String json) throws Exception {
        String response = mvc.perform(post(path)
                        .with(user("alice").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private static String node(SimulatedNode node, String credential) {
        return "{\"name\":\"" + node.name() + "\",\"host\":\"127.0.0.1\",\"sshPort\":" + node.port()
                + ",\"credentialId\":\"" + credential + "\",\"sudo\":true,\"localIp\":\"" + node.localIp()
                + "\",\"nicName\":\"" + node.nic() + "\",\"npuCount\":" + node.npuCount() + "}";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
