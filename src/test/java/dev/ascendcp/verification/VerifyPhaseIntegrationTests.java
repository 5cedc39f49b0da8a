package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * The VERIFY phase through the real job engine against eight simulated 910B nodes over SSH: verdicts, pings, the
 * status and ping-matrix endpoints (and the gauges) with every kind of fault at once, an unreachable node and busy
 * answers.
 */
@SpringBootTest(
        properties = {
            "ascendcp.verification.busy-retries=14",
            "ascendcp.verification.busy-backoff=10ms",
            "ascendcp.verification.busy-backoff-max=50ms",
            "ascendcp.jobs.retry-attempts=2",
            "ascendcp.jobs.retry-backoff=50ms",
            "ascendcp.ssh.connect-timeout=3s"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyPhaseIntegrationTests {

    private static final String PASSWORD = "sim-Pa55-verify";

    @Autowired
    MockMvc mvc;

    private SimulatedCluster sim;
    private SimulatedInventory inventory;

    @BeforeAll
    void startSimulator() throws Exception {
        Path dir = Files.createTempDirectory("verify-sim");
        sim = SimulatedCluster.start(ClusterSpec.builder(dir)
                .nodes(8)
                .password(PASSWORD)
                .hccnLatency(Duration.ofMillis(2))
                .build());
        inventory = SimulatedInventory.register(this::postAsAdmin, sim, PASSWORD, "verify-it");
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    @AfterEach
    void healthy() {
        sim.clearFaults();
        sim.nodes().forEach(n -> {
            if (!n.isRunning()) {
                n.start();
            }
        });
    }

    @Test
    void passesAHealthyClusterWithEveryNpuAndPingGreen() throws Exception {
        String job = verify("{\"pingStrategy\":\"SAME_INDEX\"}");

        assertThat(jobStatus(job)).isEqualTo("SUCCEEDED");
        String status = read("/api/v1/clusters/" + inventory.clusterId + "/status");
        assertThat(JsonPath.<String>read(status, "$.verification.result")).isEqualTo("PASSED");
        assertThat(JsonPath.<String>read(status, "$.verification.jobId")).isEqualTo(job);
        assertThat(JsonPath.<List<Boolean>>read(status, "$.verification.nodes[*].npus[*].ok"))
                .hasSize(64)
                .containsOnly(true);
        assertThat(JsonPath.<List<String>>read(status, "$.verification.nodes[*].npus[*].link"))
                .containsOnly("UP");
        assertThat(JsonPath.<Integer>read(status, "$.verification.ping.pairs")).isEqualTo(8 * 8 * 7);
        assertThat(JsonPath.<Integer>read(status, "$.verification.ping.failed")).isZero();
        assertThat(JsonPath.<String>read(status, "$.ray.state")).isEqualTo("NOT_STARTED");
        assertThat(JsonPath.<String>read(status, "$.serving.state")).isEqualTo("STOPPED");
        String matrix = read("/api/v1/clusters/" + inventory.clusterId + "/ping-matrix");
        assertThat(JsonPath.<List<Double>>read(matrix, "$.results[*].lossPercent"))
                .hasSize(448)
                .containsOnly(0.0);
    }

    @Test
    void flagsExactlyTheFaultedNpusAndFailsOnlyThePingsOfTheDownLinkWithEveryFaultAtOnce() throws Exception {
        sim.node("sim-node-2").faults().npu(3).linkDown(true);
        sim.node("sim-node-3").faults().npu(1).netHealth("Receive timeout");
        sim.node("sim-node-5").faults().npu(5).noGateway(true);
        sim.node("sim-node-7").faults().npu(6).noIp(true);
        sim.nodes().forEach(n -> n.faults().busyProbability(0.3));

        String job = verify("{}");

        assertThat(jobStatus(job)).isEqualTo("FAILED");
        assertThat(log(job)).contains("hccn_tool was busy");
        String status = read("/api/v1/clusters/" + inventory.clusterId + "/status");
        assertThat(JsonPath.<String>read(status, "$.verification.result")).isEqualTo("FAILED");
        assertThat(failingNpus(status))
                .containsExactlyInAnyOrder("sim-node-2/3", "sim-node-3/1", "sim-node-5/5", "sim-node-7/6");
        assertThat(problems(status, "sim-node-2", 3)).anyMatch(p -> p.contains("link DOWN"));
        assertThat(problems(status, "sim-node-3", 1)).anyMatch(p -> p.contains("net health: Receive timeout"));
        assertThat(problems(status, "sim-node-5", 5)).anyMatch(p -> p.contains("no gateway configured"));
        assertThat(problems(status, "sim-node-7", 6)).anyMatch(p -> p.contains("no IP address configured"));
        // nothing else: every other NPU passed without a single problem (busy answers were asked again), no
        // node or cluster problems
        Set<String> faulted = Set.of("sim-node-2/3", "sim-node-3/1", "sim-node-5/5", "sim-node-7/6");
        for (Map<String, Object> npu : npus(status)) {
            String at = npu.get("at").toString();
            assertThat(npu.get("link")).as(at).isEqualTo(at.equals("sim-node-2/3") ? "DOWN" : "UP");
            assertThat(npu.get("ip") == null).as(at).isEqualTo(at.equals("sim-node-7/6"));
            if (at.equals("sim-node-3/1")) {
                assertThat(npu.get("health")).isEqualTo("Receive timeout");
            }
            if (at.equals("sim-node-5/5")) {
                assertThat(npu.get("gateway")).isNull();
            }
            if (!faulted.contains(at)) {
                assertThat(npu.get("verdict")).as(at).isEqualTo("PASSED");
                assertThat((List<?>) npu.get("problems")).as(at).isEmpty();
                assertThat(npu.get("health")).as(at).isEqualTo("Success");
                assertThat(npu.get("gateway")).as(at).isNotNull();
            }
        }
        assertThat(JsonPath.<List<Object>>read(status, "$.verification.nodes[*].problems[*]"))
                .isEmpty();
        assertThat(JsonPath.<List<Object>>read(status, "$.verification.problems"))
                .isEmpty();

        String down = inventory.nodeIds.get("sim-node-2");
        String noIp = inventory.nodeIds.get("sim-node-7");
        String matrix = read("/api/v1/clusters/" + inventory.clusterId + "/ping-matrix");
        List<Map<String, Object>> results = JsonPath.read(matrix, "$.results");
        Set<String> lossy = new HashSet<>();
        Set<String> expected = new HashSet<>();
        for (Map<String, Object> r : results) {
            String from = JsonPath.read(r, "$.from.nodeId") + "/" + JsonPath.read(r, "$.from.npu");
            String to = JsonPath.read(r, "$.to.nodeId") + "/" + JsonPath.read(r, "$.to.npu");
            assertThat(List.of(from, to)).doesNotContain(noIp + "/6");
            double loss = ((Number) r.get("lossPercent")).doubleValue();
            if (loss > 0) {
                assertThat(loss).as(from + ">" + to).isEqualTo(100.0);
                lossy.add(from + ">" + to);
            }
            if (from.equals(down + "/3") || to.equals(down + "/3")) {
                expected.add(from + ">" + to);
            }
        }
        assertThat(expected).hasSize(2 * 7);
        assertThat(lossy).isEqualTo(expected);
        // the NPU without an IP is neither a source nor a target: 8*8*7 minus its 7 outgoing and 7 incoming pings
        assertThat(results).hasSize(434);
        assertThat(JsonPath.<Integer>read(status, "$.verification.ping.pairs")).isEqualTo(434);
        assertThat(JsonPath.<Integer>read(status, "$.verification.ping.failed")).isEqualTo(14);
        assertThat(JsonPath.<List<String>>read(status, "$.verification.ping.problems"))
                .hasSize(14)
                .allMatch(p -> p.startsWith("NPU 3 on ") && p.contains(" cannot reach NPU 3 on "));

        // and the gauges say the same: exactly the faulted NPUs are not ok
        // (set right after the verdict is committed, on the job's thread: wait for it a moment)
        List<String> notOk = List.of();
        for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                notOk.size() != 4 && System.nanoTime() < until;
                Thread.sleep(50)) {
            notOk = mvc.perform(get("/actuator/prometheus").with(user("scraper").roles("VIEWER")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()
                    .lines()
                    .filter(l -> l.startsWith("ascendcp_npu_ok{cluster=\"verify-it\"") && l.endsWith(" 0.0"))
                    .toList();
        }
        assertThat(notOk).hasSize(4);
        for (String at : faulted) {
            String[] nodeAndNpu = at.split("/");
            String name = JsonPath.read(read("/api/v1/nodes/" + inventory.nodeIds.get(nodeAndNpu[0])), "$.name");
            assertThat(notOk).anyMatch(l -> l.contains("node=\"" + name + "\",npu=\"" + nodeAndNpu[1] + "\""));
        }
    }

    @Test
    void showsWhatIsNewlyFailingAndWhatRecovered() throws Exception {
        verify("{}");
        sim.node("sim-node-1").faults().npu(2).linkDown(true);
        verify("{}");
        String diff = read("/api/v1/clusters/" + inventory.clusterId + "/verification/diff");
        assertThat(JsonPath.<List<String>>read(diff, "$.newlyFailing[?(@.kind == 'NPU')].key"))
                .singleElement()
                .asString()
                .endsWith("/npu 2");
        sim.clearFaults();
        verify("{}");
        diff = read("/api/v1/clusters/" + inventory.clusterId + "/verification/diff");
        assertThat(JsonPath.<List<String>>read(diff, "$.recovered[?(@.kind == 'NPU')].key"))
                .singleElement()
                .asString()
                .endsWith("/npu 2");
        assertThat(JsonPath.<List<Object>>read(diff, "$.newlyFailing")).isEmpty();
    }

    @Test
    void marksAnUnreachableNodeFailedWithItsReasonAndChecksTheOthers() throws Exception {
        sim.node("sim-node-3").stop();

        String job = verify("{}");

        assertThat(jobStatus(job)).isEqualTo("FAILED");
        String status = read("/api/v1/clusters/" + inventory.clusterId + "/status");
        String third = inventory.nodeIds.get("sim-node-3");
        assertThat(JsonPath.<List<Boolean>>read(
                        status, "$.verification.nodes[?(@.nodeId == '" + third + "')].reachable"))
                .containsExactly(false);
        assertThat(JsonPath.<List<String>>read(
                        status, "$.verification.nodes[?(@.nodeId == '" + third + "')].problems[*]"))
                .singleElement()
                .asString()
                .contains("unreachable");
        assertThat(JsonPath.<List<String>>read(status, "$.verification.nodes[?(@.nodeId != '" + third + "')].verdict"))
                .containsOnly("PASSED");
        assertThat(JsonPath.<Integer>read(status, "$.verification.ping.pairs")).isEqualTo(7 * 8 * 6);
        assertThat(JsonPath.<Integer>read(status, "$.verification.ping.failed")).isZero();
    }

    @Test
    void retriesBusyAnswersUntilEveryQueryIsRead() throws Exception {
        sim.nodes().forEach(n -> n.faults().busyProbability(0.3));

        String job = verify("{}");

        assertThat(log(job)).contains("hccn_tool was busy");
        String status = read("/api/v1/clusters/" + inventory.clusterId + "/status");
        assertThat(JsonPath.<String>read(status, "$.verification.result")).isEqualTo("PASSED");
        assertThat(jobStatus(job)).isEqualTo("SUCCEEDED");
    }

    @Test
    void rejectsAnUnknownStrategyAndAPingCountOutOfRange() throws Exception {
        mvc.perform(post("/api/v1/clusters/" + inventory.clusterId + "/jobs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"VERIFY\",\"options\":{\"pingStrategy\":\"STAR\",\"pingCount\":0}}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void servesThePingMatrixAsJsonAndAnUnknownClusterAs404() throws Exception {
        String job = verify("{}");
        String matrix = mvc.perform(get("/api/v1/clusters/" + inventory.clusterId + "/ping-matrix")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(matrix, "$.jobId")).isEqualTo(job);
        assertThat(JsonPath.<List<String>>read(matrix, "$.nodes[*].nodeId"))
                .containsExactlyElementsOf(inventory.nodeIds.values());
        mvc.perform(get("/api/v1/clusters/" + java.util.UUID.randomUUID() + "/ping-matrix")
                        .with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void showsTheNodesCheckedSoFarWhileTheVerificationRuns() throws Exception {
        sim.node("sim-node-1").faults().npu(2).linkDown(true);
        sim.nodes().stream().skip(1).forEach(n -> n.faults().extraLatency(Duration.ofMillis(100)));
        String body = mvc.perform(post("/api/v1/clusters/" + inventory.clusterId + "/jobs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"VERIFY\",\"options\":{}}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String job = JsonPath.read(body, "$.id");
        String first = inventory.nodeIds.get("sim-node-1");

        String status = read("/api/v1/clusters/" + inventory.clusterId + "/status");
        // (running is null until the job's first step starts)
        for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                JsonPath.<List<Object>>read(status, "$.verification[?(@.running)].running.nodes[*]")
                        .isEmpty();
                Thread.sleep(20)) {
            assertThat(System.nanoTime()).as("a node collected").isLessThan(until);
            status = read("/api/v1/clusters/" + inventory.clusterId + "/status");
        }
        // the fast node is in, with its fresh verdict; the slow ones are still being collected
        assertThat(JsonPath.<String>read(status, "$.verification.running.jobId"))
                .isEqualTo(job);
        assertThat(JsonPath.<String>read(status, "$.verification.running.stage"))
                .isEqualTo("collecting");
        assertThat(JsonPath.<Integer>read(status, "$.verification.running.nodesTotal"))
                .isEqualTo(8);
        assertThat(JsonPath.<Integer>read(status, "$.verification.running.nodesCollected"))
                .isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(status, "$.verification.running.nodes[*].nodeId"))
                .containsExactly(first);
        assertThat(JsonPath.<List<String>>read(status, "$.verification.running.nodes[0].npus[*].verdict"))
                .containsExactly("PASSED", "PASSED", "FAILED", "PASSED", "PASSED", "PASSED", "PASSED", "PASSED");
        String live = mvc.perform(get("/clusters/" + inventory.clusterId + "/verification/live")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(live)
                .startsWith("<div id=\"verification-live\"")
                .contains("data-job-id=\"" + job + "\"")
                .contains("<tr data-node=")
                .contains("data-node-id=\"" + first + "\"")
                .contains("class=\"live\"")
                .contains("Verifying: 1 of 8 nodes checked")
                .doesNotContain("History");

        awaitStored(job);
        String after = read("/api/v1/clusters/" + inventory.clusterId + "/status");
        assertThat(JsonPath.<Object>read(after, "$.verification.running")).isNull();
        assertThat(mvc.perform(get("/clusters/" + inventory.clusterId + "/verification/live")
                                .with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("<tr");
    }

    @Test
    void estimatesThePingsBeforeTheRun() throws Exception {
        String same = read("/api/v1/clusters/" + inventory.clusterId + "/verification/ping-estimate");
        assertThat(JsonPath.<Integer>read(same, "$.pings")).isEqualTo(8 * 8 * 7);
        String mesh =
                read("/api/v1/clusters/" + inventory.clusterId + "/verification/ping-estimate?strategy=FULL_MESH");
        assertThat(JsonPath.<Integer>read(mesh, "$.pings")).isEqualTo(64 * 56);
    }

    private List<String> failingNpus(String status) {
        List<Map<String, Object>> nodes = JsonPath.read(status, "$.verification.nodes");
        List<String> failing = new java.util.ArrayList<>();
        for (Map<String, Object> node : nodes) {
            String sim = simName((String) node.get("nodeId"));
            List<Map<String, Object>> npus = JsonPath.read(node, "$.npus");
            npus.stream().filter(n -> !(Boolean) n.get("ok")).forEach(n -> failing.add(sim + "/" + n.get("index")));
        }
        return failing;
    }

    /** Every NPU of the status with "at" = "sim-node-N/index". */
    private List<Map<String, Object>> npus(String status) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        List<Map<String, Object>> nodes = JsonPath.read(status, "$.verification.nodes");
        for (Map<String, Object> node : nodes) {
            String sim = simName((String) node.get("nodeId"));
            List<Map<String, Object>> npus = JsonPath.read(node, "$.npus");
            for (Map<String, Object> npu : npus) {
                Map<String, Object> copy = new java.util.HashMap<>(npu);
                copy.put("at", sim + "/" + npu.get("index"));
                all.add(copy);
            }
        }
        assertThat(all).hasSize(8 * 8);
        return all;
    }

    private String log(String job) throws Exception {
        return mvc.perform(get("/api/v1/jobs/" + job + "/log").with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private List<String> problems(String status, String simNode, int npu) {
        return JsonPath.read(
                status,
                "$.verification.nodes[?(@.nodeId == '" + inventory.nodeIds.get(simNode) + "')].npus[" + npu
                        + "].problems[*]");
    }

    private String simName(String nodeId) {
        return inventory.nodeIds.entrySet().stream()
                .filter(e -> e.getValue().equals(nodeId))
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    private String verify(String options) throws Exception {
        String body = mvc.perform(post("/api/v1/clusters/" + inventory.clusterId + "/jobs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"VERIFY\",\"options\":" + options + "}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String job = JsonPath.read(body, "$.id");
        awaitStored(job);
        return job;
    }

    private void awaitStored(String job) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(jobStatus(job))) {
            assertThat(System.nanoTime()).as("job %s still running", job).isLessThan(until);
            Thread.sleep(100);
        }
        // the verdict is stored right after the job's terminal status
        until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!job.equals(
                JsonPath.read(read("/api/v1/clusters/" + inventory.clusterId + "/status"), "$.verification.jobId"))) {
            assertThat(System.nanoTime()).as("verdict of %s stored", job).isLessThan(until);
            Thread.sleep(50);
        }
    }

    private String jobStatus(String job) throws Exception {
        return JsonPath.read(read("/api/v1/jobs/" + job), "$.status");
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String postAsAdmin(String path, String json) throws Exception {
        return mvc.perform(post(path)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return user("alice").roles("ADMIN");
    }
}
