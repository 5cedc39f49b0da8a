package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import java.util.Map;

/** One node of the simulated Ray cluster, with the environment its {@code ray start} ran with. */
public record RayMember(
        String nodeId,
        SimulatedNode node,
        String ip,
        boolean head,
        Map<String, String> env,
        Map<String, Double> resources,
        long startTimeMs,
        boolean alive) {

    RayMember dead() {
        return new RayMember(nodeId, node, ip, head, env, resources, startTimeMs, false);
    }

    public double npus() {
        return resources.getOrDefault("NPU", 0.0);
    }
}
