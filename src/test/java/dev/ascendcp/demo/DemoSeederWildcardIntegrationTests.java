package dev.ascendcp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.inventory.ClusterResponse;
import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.inventory.InventoryProvisioning;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo profile with the simulator bound to the wildcard address: the seeder registers the nodes at loopback (where
 * a wildcard listener is reachable), not at the unroutable {@code 0.0.0.0}; the overview lists the seeded cluster.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoSeederWildcardIntegrationTests {

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("demo-wildcard");
        registry.add("ascendcp.simulator.bind-address", () -> "0.0.0.0");
        registry.add(
                "ascendcp.simulator.host-key-dir",
                () -> dir.resolve("simulator").toString());
        registry.add("ascendcp.demo.key-dir", () -> dir.resolve("demo").toString());
        registry.add("ascendcp.simulator.hccn-latency", () -> "0ms");
    }

    @Autowired
    SimulatedCluster simulator;

    @Autowired
    Inventory inventory;

    @Autowired
    InventoryProvisioning provisioning;

    @Autowired
    MockMvc mvc;

    @Test
    void registersTheSimulatedNodesAtLoopbackWhenTheSimulatorListensOnTheWildcard() {
        List<SimulatedNode> simulated = simulator.nodes();
        assertThat(simulated)
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.sshHost())
                        .as("the simulator really listens on the wildcard")
                        .isEqualTo("0.0.0.0"));

        ClusterResponse demo = inventory.listClusters().stream()
                .filter(c -> c.name().equals("demo"))
                .findFirst()
                .orElseThrow();
        List<NodeResponse> nodes = inventory.nodesOf(demo.id());

        assertThat(nodes)
                .extracting(NodeResponse::name)
                .containsExactlyElementsOf(
                        simulated.stream().map(SimulatedNode::name).toList());
        assertThat(nodes).extracting(NodeResponse::host).containsOnly("127.0.0.1");
        assertThat(nodes)
                .extracting(NodeResponse::sshPort)
                .containsExactlyElementsOf(
                        simulated.stream().map(SimulatedNode::port).toList());
    }

    @Test
    void theOverviewListsTheInventorysClustersByName() throws Exception {
        ClusterResponse demo = inventory.listClusters().stream()
                .filter(c -> c.name().equals("demo"))
                .findFirst()
                .orElseThrow();
        // the demo credential exists: its key is not read again
        UUID credential = provisioning.ensureKeyCredential("demo-key", "ascend", "unused");
        for (String name : List.of("zeta", "alpha")) {
            UUID node = provisioning.ensureNode(
                    new InventoryProvisioning.NodeSpec(
                            name + "-head",
                            "192.0.2." + name.length(),
                            22,
                            "192.0.2." + name.length(),
                            "eth0",
                            8,
                            false),
                    credential);
            provisioning.ensureCluster(new InventoryProvisioning.ClusterSpec(
                    name, List.of(node), demo.serve().model(), 8, 1));
        }

        assertThat(inventory.listClusters()).extracting(ClusterResponse::name).containsExactly("alpha", "demo", "zeta");
        String page = mvc.perform(get("/").with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(clustersOnPage(page)).containsExactly("alpha", "demo", "zeta");
    }

    private static List<String> clustersOnPage(String html) {
        Matcher m = Pattern.compile("data-cluster=\"([^\"]+)\"").matcher(html);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
