package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The per-NPU gauges on {@code /actuator/prometheus} after a real verification over SSH of two simulated nodes with a
 * link down, and their removal with the cluster. Same context as {@link VerifyPhaseIntegrationTests}.
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
class NpuMetricsIntegrationTests {

    private static final String PASSWORD = "sim-Pa55-metrics";
    private static final String CLUSTER = "metrics-it";

    @Autowired
    MockMvc mvc;

    private SimulatedCluster sim;
    private SimulatedInventory inventory;

    @BeforeAll
    void startSimulator() throws Exception {
        sim = SimulatedCluster.start(ClusterSpec.builder(Files.createTempDirectory("metrics-sim"))
                .nodes(2)
                .namePrefix("metric-node-")
                .password(PASSWORD)
                .hccnLatency(Duration.ofMillis(2))
                .build());
        inventory = SimulatedInventory.register(this::postAsAdmin, sim, PASSWORD, CLUSTER);
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    @Test
    void exportsTheLatestVerificationPerNpuAndDropsItWithTheCluster() throws Exception {
        String head = sim.nodes().get(0).name();
        String worker = sim.nodes().get(1).name();
        sim.node(worker).faults().npu(3).linkDown(true);

        verify();

        String nodeLabel = nodeName(worker);
        String scraped = scrapeUntil(text -> text.contains("ascendcp_npu_link_up{cluster=\"" + CLUSTER + "\""));
        assertThat(scraped)
                .contains("ascendcp_npu_link_up{cluster=\"" + CLUSTER + "\",node=\"" + nodeLabel + "\",npu=\"3\"} 0.0");
        for (String node : List.of(head, worker)) {
            for (int npu = 0; npu < 8; npu++) {
                if (!(node.equals(worker) && npu == 3)) {
                    assertThat(scraped)
                            .contains("ascendcp_npu_link_up{cluster=\"" + CLUSTER + "\",node=\"" + nodeName(node)
                                    + "\",npu=\"" + npu + "\"} 1.0");
                }
            }
        }
        assertThat(lines(scraped, "ascendcp_npu_link_up{cluster=\"" + CLUSTER + "\""))
                .hasSize(16);
        assertThat(lines(scraped, "ascendcp_npu_ok{cluster=\"" + CLUSTER + "\""))
                .filteredOn(l -> l.endsWith(" 0.0"))
                .singleElement()
                .asString()
                .contains("node=\"" + nodeLabel + "\",npu=\"3\"");
        // the faulty NPU lost every ping it sent and every ping sent to it; its peer NPU 3 only the ones to it
        assertThat(scraped)
                .contains("ascendcp_npu_ping_loss_ratio{cluster=\"" + CLUSTER + "\",direction=\"out\",node=\""
                        + nodeLabel + "\",npu=\"3\"} 1.0")
                .contains("ascendcp_npu_ping_loss_ratio{cluster=\"" + CLUSTER + "\",direction=\"in\",node=\""
                        + nodeLabel + "\",npu=\"3\"} 1.0")
                .contains("ascendcp_npu_ping_loss_ratio{cluster=\"" + CLUSTER + "\",direction=\"out\",node=\""
                        + nodeName(head) + "\",npu=\"0\"} 0.0")
                .contains("ascendcp_cluster_verification_ok{cluster=\"" + CLUSTER + "\"} 0.0")
                .contains("ascendcp_cluster_ping_failed_pairs{cluster=\"" + CLUSTER + "\"} 2.0");

        sim.clearFaults();
        verify();
        scraped =
                scrapeUntil(text -> text.contains("ascendcp_cluster_verification_ok{cluster=\"" + CLUSTER + "\"} 1.0"));
        assertThat(lines(scraped, "ascendcp_npu_link_up{cluster=\"" + CLUSTER + "\""))
                .hasSize(16)
                .allMatch(l -> l.endsWith(" 1.0"));

        mvc.perform(delete("/api/v1/clusters/" + inventory.clusterId).with(admin()))
                .andExpect(status().isNoContent());
        scraped = scrapeUntil(text -> !text.contains("cluster=\"" + CLUSTER + "\""));
        assertThat(scraped).doesNotContain("cluster=\"" + CLUSTER + "\"");
    }

    @Test
    void metricsNeedALogin() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    private String nodeName(String simNode) throws Exception {
        String node = read("/api/v1/nodes/" + inventory.nodeIds.get(simNode));
        return JsonPath.read(node, "$.name");
    }

    private static List<String> lines(String scraped, String prefix) {
        return scraped.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    private String scrapeUntil(Predicate<String> condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String text = scrape();
        while (!condition.test(text) && System.nanoTime() < until) {
            Thread.sleep(50);
            text = scrape();
        }
        return text;
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(user("scraper").roles("VIEWER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void verify() throws Exception {
        String body = mvc.perform(post("/api/v1/clusters/" + inventory.clusterId + "/jobs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"VERIFY\",\"options\":{}}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String job = JsonPath.read(body, "$.id");
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!job.equals(
                JsonPath.read(read("/api/v1/clusters/" + inventory.clusterId + "/status"), "$.verification.jobId"))) {
            assertThat(System.nanoTime()).as("verdict of %s stored", job).isLessThan(until);
            Thread.sleep(50);
        }
        assertThat(Set.of("SUCCEEDED", "FAILED"))
                .contains(JsonPath.<String>read(read("/api/v1/jobs/" + job), "$.status"));
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

    private static RequestPostProcessor admin() {
        return user("alice").roles("ADMIN");
    }
}
