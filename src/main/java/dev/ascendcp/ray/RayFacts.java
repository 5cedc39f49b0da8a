package dev.ascendcp.ray;

import dev.ascendcp.ssh.ExecResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code ray list nodes} on the head says; empty when Ray does not answer there. Also the job's shared keys. */
final class RayFacts {

    static final String HEAD_ADDRESS = "ray.head.address";
    static final String HEAD_RESTARTED = "ray.head.restarted";
    static final String ALIVE_IPS = "ray.alive";
    static final String CHANGED = "ray.changed";

    private RayFacts() {}

    static List<RayNodeInfo> nodes(NodeShell shell, String container, RayProperties properties) {
        ExecResult result = shell.run(RayCommands.rayNodes(container), properties.commandTimeout());
        if (!result.succeeded()) {
            return List.of();
        }
        try {
            return RayOutputs.nodes(result.stdout().text());
        } catch (RuntimeException e) {
            shell.log("could not read ray list nodes: " + e.getMessage());
            return List.of();
        }
    }

    static Set<String> aliveIps(List<RayNodeInfo> nodes) {
        return nodes.stream().filter(RayNodeInfo::alive).map(RayNodeInfo::ip).collect(Collectors.toSet());
    }
}
