package dev.ascendcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.jobs.JobFilter;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobSummary;
import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.serving.ServingState;
import dev.ascendcp.serving.ServingStatus;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.support.BrowserSpecs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

/**
 * The whole flow from an empty database, in a real browser: the control plane without the demo profile (nothing in
 * the inventory, the first admin's password set by property) and two simulated nodes in this JVM; the browser test
 * {@code frontend/tests/e2e/deploy.spec.mjs} (node's test runner, playwright-core, Debian chromium) logs in, creates the
 * credential, the nodes and the cluster through the forms, clicks Deploy, watches the job reach SUCCEEDED and the
 * serving state READY, and prompts the model in the playground. Screenshots go to {@code target/screenshots/e2e-*}.
 * Skipped (failed on CI) when chromium, node or {@code frontend/node_modules} are absent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ascendcp.security.admin-password=" + DeployBrowserIntegrationTests.PASSWORD,
            "ascendcp.serving.poll-interval=300ms",
            "ascendcp.serving.health-check-interval=1h"
        })
class DeployBrowserIntegrationTests {

    static final String PASSWORD = "E2e-Browser-Pa55word";
    static final List<String> SCREENSHOTS = List.of(
            "e2e-1-credential.png",
            "e2e-2-nodes.png",
            "e2e-3-cluster.png",
            "e2e-4-deploy-job.png",
            "e2e-5-serving-ready.png",
            "e2e-6-playground.png");
    private static final String SIM_PASSWORD = "sim-" + Long.toHexString(System.nanoTime());

    @LocalServerPort
    int port;

    @Autowired
    JobService jobs;

    @Autowired
    ServingStatus serving;

    SimulatedCluster sim;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void deploysFromAnEmptyInventoryThroughTheBrowserAndPromptsTheModel() throws Exception {
        BrowserSpecs.require();
        for (String list : List.of("/api/v1/credentials", "/api/v1/nodes", "/api/v1/clusters", "/api/v1/jobs")) {
            assertThat((Integer) JsonPath.read(api(list), "$.page.totalElements"))
                    .as("the database starts empty: %s", list)
                    .isZero();
        }
        sim = SimulatedCluster.start(ClusterSpec.builder(Files.createTempDirectory("e2e-keys"))
                .nodes(2)
                .password(SIM_PASSWORD)
                .hccnLatency(Duration.ofMillis(2))
                .build());
        sim.setVllmStartupDelay(Duration.ofSeconds(1));
        Path shots = BrowserSpecs.screenshots();
        for (String shot : SCREENSHOTS) {
            Files.deleteIfExists(shots.resolve(shot));
        }

        String output = runSpec(shots);

        for (String shot : SCREENSHOTS) {
            assertThat(shots.resolve(shot)).as(output).exists().isNotEmptyFile();
        }
        // what the browser did, as the control plane recorded it
        String nodes = api("/api/v1/nodes");
        assertThat((Integer) JsonPath.read(nodes, "$.page.totalElements")).isEqualTo(2);
        for (SimulatedNode simulated : sim.nodes()) {
            List<String> pinned =
                    JsonPath.read(nodes, "$.content[?(@.name == '" + simulated.name() + "')].hostKey.fingerprint");
            assertThat(pinned)
                    .as("%s pinned on first use", simulated.name())
                    .containsExactly(simulated.hostKeyFingerprint());
        }
        JobSummary deploy = jobs.list(new JobFilter(null, PhaseKind.DEPLOY, null), Pageable.ofSize(5)).stream()
                .findFirst()
                .orElseThrow();
        assertThat(deploy.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.find(deploy.id()).requestedBy()).isEqualTo("admin");
        assertThat(serving.current(deploy.clusterId()).state()).isEqualTo(ServingState.READY);
    }

    private String api(String path) throws IOException, InterruptedException {
        String basic = java.util.Base64.getEncoder()
                .encodeToString(("admin:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Basic " + basic)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String runSpec(Path shots) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("ASCENDCP_BASE_URL", "http://localhost:" + port);
        env.put("ASCENDCP_USER", "admin");
        env.put("ASCENDCP_PASSWORD", PASSWORD);
        env.put("ASCENDCP_SCREENSHOTS", shots.toString());
        env.put("SIM_USER", sim.username());
        env.put("SIM_PASSWORD", SIM_PASSWORD);
        env.put("SIM_NODES", nodesJson());
        env.put("SIM_MODEL", "/data/models/Qwen2.5-7B-Instruct");
        env.put("RAY_PORT", String.valueOf(freePort()));
        env.put("SERVE_PORT", String.valueOf(freePort()));
        return BrowserSpecs.run(
                List.of("tests/e2e/deploy.spec.mjs"), env, "e2e-browser-test.log", Duration.ofMinutes(8));
    }

    /** The nodes as an operator would type them into the form: name, host, port, local IP, NIC, NPUs, host key. */
    private String nodesJson() {
        return sim.nodes().stream()
                .map(n -> "{\"name\":\"" + n.name() + "\",\"host\":\"127.0.0.1\",\"port\":" + n.port()
                        + ",\"localIp\":\"" + n.localIp() + "\",\"nic\":\"" + n.nic() + "\",\"npus\":" + n.npuCount()
                        + ",\"fingerprint\":\"" + n.hostKeyFingerprint() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
