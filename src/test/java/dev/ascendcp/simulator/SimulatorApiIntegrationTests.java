package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With the demo profile the application starts a simulated cluster from its typed configuration and serves its admin API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class SimulatorApiIntegrationTests {

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("sim-keys");
        registry.add("ascendcp.simulator.enabled", () -> "true");
        registry.add("ascendcp.simulator.nodes", () -> "2");
        registry.add("ascendcp.simulator.host-key-dir", dir::toString);
        registry.add("ascendcp.simulator.password", () -> "demo-pass");
        registry.add("ascendcp.simulator.hccn-latency", () -> "0ms");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SimulatedCluster cluster;

    @Test
    void startsTheConfiguredCluster() {
        assertThat(cluster.nodes()).hasSize(2);
        assertThat(cluster.nodes()).allMatch(SimulatedNode::isRunning);
        assertThat(cluster.username()).isEqualTo("ascend");
    }

    @Test
    void listsNodesForAdminsOnly() throws Exception {
        mvc.perform(get("/api/v1/simulator/nodes").with(user("v").roles("VIEWER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/simulator/nodes").with(user("a").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].name").value("sim-node-1"))
                .andExpect(jsonPath("$.content[0].sshHost").value("127.0.0.1"))
                .andExpect(jsonPath("$.content[0].sshPort")
                        .value(cluster.nodes().get(0).port()))
                .andExpect(jsonPath("$.content[0].hostKeyFingerprint")
                        .value(cluster.nodes().get(0).hostKeyFingerprint()))
                .andExpect(jsonPath("$.content[1].localIp").value("127.0.0.2"))
                .andExpect(jsonPath("$.content[0].nic").value("enp189s0f0"))
                .andExpect(jsonPath("$.page.totalElements").value(2));
    }

    @Test
    void putsAndClearsFaults() throws Exception {
        String body = """
                {"busyProbability":0,"npus":[{"index":3,"linkDown":true,"netHealth":"Receive timeout"}]}""";
        mvc.perform(put("/api/v1/simulator/nodes/sim-node-2/faults")
                        .with(user("a").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.faults.npus[0].index").value(3))
                .andExpect(jsonPath("$.faults.npus[0].linkDown").value(true));
        SimulatedNode node = cluster.node("sim-node-2");
        assertThat(node.run("hccn_tool -i 3 -link -g").stdout()).isEqualTo("link status: DOWN\n");
        assertThat(node.run("hccn_tool -i 3 -net_health -g").stdout())
                .isEqualTo("net health status: Receive timeout\n");
        mvc.perform(delete("/api/v1/simulator/nodes/sim-node-2/faults")
                        .with(user("a").roles("ADMIN")))
                .andExpect(status().isNoContent());
        assertThat(node.faults().isClear()).isTrue();
    }

    @Test
    void rejectsBadFaultsAndUnknownNodes() throws Exception {
        mvc.perform(put("/api/v1/simulator/nodes/sim-node-1/faults")
                        .with(user("a").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"npus\":[{\"index\":3,\"netHealth\":\"Healthy\"}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/simulator/nodes/nope/faults")
                        .with(user("a").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/simulated-node-not-found"));
    }

    @Test
    void stopsAndStartsANode() throws Exception {
        mvc.perform(post("/api/v1/simulator/nodes/sim-node-1/stop")
                        .with(user("a").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.running").value(false));
        mvc.perform(post("/api/v1/simulator/nodes/sim-node-1/start")
                        .with(user("a").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.running").value(true));
    }
}
