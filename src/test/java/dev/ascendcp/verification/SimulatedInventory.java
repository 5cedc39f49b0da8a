package dev.ascendcp.verification;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registers a simulated cluster through the inventory REST API: a password credential, its nodes and a cluster. */
final class SimulatedInventory {

    /** Posts JSON to an API path as an ADMIN and answers the response body. */
    @FunctionalInterface
    interface Poster {
        String post(String path, String json) throws Exception;
    }

    final String clusterId;
    final Map<String, String> nodeIds;

    private SimulatedInventory(String clusterId, Map<String, String> nodeIds) {
        this.clusterId = clusterId;
        this.nodeIds = nodeIds;
    }

    static SimulatedInventory register(Poster api, SimulatedCluster sim, String password, String name)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String credential = JsonPath.read(
                api.post(
                        "/api/v1/credentials",
                        "{\"name\":\"sim-" + suffix + "\",\"username\":\"" + sim.username()
                                + "\",\"kind\":\"PASSWORD\",\"password\":\"" + password + "\"}"),
                "$.id");
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (SimulatedNode node : sim.nodes()) {
            String body = "{\"name\":\"" + node.name() + "-" + suffix + "\",\"host\":\"" + node.sshHost()
                    + "\",\"sshPort\":" + node.port() + ",\"credentialId\":\"" + credential
                    + "\",\"sudo\":false,\"localIp\":\"" + node.localIp() + "\",\"nicName\":\"" + node.nic()
                    + "\",\"npuCount\":" + node.npuCount() + "}";
            String id = JsonPath.read(api.post("/api/v1/nodes", body), "$.id");
            ids.put(node.name(), id);
            order.add(id);
        }
        StringBuilder workers = new StringBuilder();
        for (String id : order.subList(1, order.size())) {
            workers.append(workers.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        String cluster = JsonPath.read(
                api.post(
                        "/api/v1/clusters",
                        "{\"name\":\"" + name + "\",\"headNodeId\":\"" + order.get(0) + "\",\"workerNodeIds\":["
                                + workers + "]}"),
                "$.id");
        return new SimulatedInventory(cluster, ids);
    }
}
