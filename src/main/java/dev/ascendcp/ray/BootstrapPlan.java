package dev.ascendcp.ray;

import dev.ascendcp.inventory.ClusterResponse;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.TargetNode;
import java.util.List;
import java.util.UUID;

/** What one BOOTSTRAP or TEARDOWN job works on: the cluster's configuration and its nodes, head first. */
record BootstrapPlan(ClusterResponse cluster, List<NodeResponse> nodes, BootstrapOptions options) {

    BootstrapPlan {
        nodes = List.copyOf(nodes);
    }

    NodeResponse head() {
        return nodes.get(0);
    }

    List<NodeResponse> workers() {
        return nodes.subList(1, nodes.size());
    }

    boolean isHead(UUID nodeId) {
        return head().id().equals(nodeId);
    }

    NodeResponse node(UUID nodeId) {
        return nodes.stream()
                .filter(n -> n.id().equals(nodeId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("node " + nodeId + " is not in the cluster"));
    }

    String container() {
        return cluster.container().name();
    }

    ContainerSpec containerSpec(NodeResponse node, RayProperties properties) {
        return new ContainerSpec(
                cluster.container().name(),
                cluster.container().image(),
                cluster.container().shmSize(),
                node.npuCount(),
                cluster.container().mounts(),
                properties.keepAliveCommand());
    }

    RayEnv env(NodeResponse node, RayProperties properties) {
        return RayEnv.of(node.localIp(), node.nicName(), node.npuCount(), properties.processLogPath(), cluster.env());
    }

    int npusTotal() {
        return nodes.stream().mapToInt(NodeResponse::npuCount).sum();
    }

    String headAddress() {
        return head().localIp() + ":" + cluster.ray().port();
    }

    String dashboardUrl() {
        return "http://" + head().localIp() + ":" + cluster.ray().dashboardPort();
    }

    static TargetNode target(NodeResponse node) {
        return new TargetNode(node.id(), node.name());
    }
}
