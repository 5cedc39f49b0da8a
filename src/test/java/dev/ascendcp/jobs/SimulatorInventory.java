package dev.ascendcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A simulated cluster registered through the inventory REST API as an admin would: a password credential, one node
 * per simulated node with the STRICT host-key policy, their host keys pinned from a known_hosts file, and a cluster
 * (the first node is the head).
 */
final class SimulatorInventory {

    /** Sends a body to an API path as an ADMIN and answers the response body (2xx expected). */
    @FunctionalInterface
    interface Api {
        String post(String path, String contentType, String body) throws Exception;
    }

    final UUID clusterId;
    /** Inventory node id by simulated node name, in the cluster's order. */
    final Map<String, UUID> nodeIds;

    private SimulatorInventory(UUID clusterId, Map<String, UUID> nodeIds) {
        this.clusterId = clusterId;
        this.nodeIds = nodeIds;
    }

    static SimulatorInventory register(Api api, SimulatedCluster sim, String password, String name) throws Exception {
        String json = "application/json";
        String credential = JsonPath.read(
                api.post(
                        "/api/v1/credentials",
                        json,
                        "{\"name\":\"" + name + "-login\",\"username\":\"" + sim.username()
                                + "\",\"kind\":\"PASSWORD\",\"password\":\"" + password + "\"}"),
                "$.id");
        Map<String, UUID> ids = new LinkedHashMap<>();
        StringBuilder knownHosts = new StringBuilder();
        for (SimulatedNode node : sim.nodes()) {
            String body = "{\"name\":\"" + node.name() + "\",\"host\":\"" + node.sshHost() + "\",\"sshPort\":"
                    + node.port() + ",\"credentialId\":\"" + credential + "\",\"sudo\":false,\"localIp\":\""
                    + node.localIp() + "\",\"nicName\":\"" + node.nic() + "\",\"npuCount\":" + node.npuCount()
                    + ",\"hostKeyPolicy\":\"STRICT\"}";
            ids.put(node.name(), UUID.fromString(JsonPath.read(api.post("/api/v1/nodes", json, body), "$.id")));
            knownHosts
                    .append('[')
                    .append(node.sshHost())
                    .append("]:")
                    .append(node.port())
                    .append(' ')
                    .append(node.hostKeyLine())
                    .append('\n');
        }
        int pinned =
                JsonPath.read(api.post("/api/v1/nodes/known-hosts", "text/plain", knownHosts.toString()), "$.pinned");
        assertThat(pinned).as("every node's host key is pinned").isEqualTo(ids.size());
        List<String> workers = new ArrayList<>();
        ids.values().stream().skip(1).forEach(id -> workers.add("\"" + id + "\""));
        String cluster = JsonPath.read(
                api.post(
                        "/api/v1/clusters",
                        json,
                        "{\"name\":\"" + name + "\",\"headNodeId\":\""
                                + ids.values().iterator().next() + "\",\"workerNodeIds\":[" + String.join(",", workers)
                                + "]}"),
                "$.id");
        return new SimulatorInventory(UUID.fromString(cluster), ids);
    }
}
