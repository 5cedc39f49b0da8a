package dev.ascendcp.verification.metrics;

import java.util.List;

/**
 * The gauges, named like Huawei's npu-exporter but prefixed {@code ascendcp_} (Prometheus names in comments). Every
 * gauge of one name carries the same label keys, as Prometheus requires.
 */
enum NpuMetric {
    /** {@code ascendcp_npu_link_up}: 1 when {@code -link -g} said UP, 0 when DOWN; absent when unreadable. */
    LINK_UP("ascendcp.npu.link.up", Labels.NPU, "1 when the NPU port's link is UP, 0 when DOWN"),
    NET_HEALTH_OK(
            "ascendcp.npu.net.health.ok",
            Labels.NPU,
            "1 when -net_health -g said Success, 0 for any other word (Init, Receive timeout, ...)"),
    IP_PRESENT("ascendcp.npu.ip.present", Labels.NPU, "1 when the NPU has an IP address (-ip -g), 0 when none is set"),
    GATEWAY_PRESENT(
            "ascendcp.npu.gateway.present", Labels.NPU, "1 when the NPU has a default gateway, 0 when none is set"),
    HEALTH_OK("ascendcp.npu.health.ok", Labels.NPU, "1 when npu-smi reports the chip's health OK, 0 otherwise"),
    NPU_OK("ascendcp.npu.ok", Labels.NPU, "1 when the NPU's verdict is PASSED or WARN, 0 when UNKNOWN or FAILED"),
    NPU_VERDICT(
            "ascendcp.npu.verdict",
            Labels.NPU,
            "the NPU's verdict: 0 PASSED, 1 WARN, 2 UNKNOWN, 3 FAILED (its checks)"),
    PING_LOSS_RATIO(
            "ascendcp.npu.ping.loss.ratio",
            Labels.PING,
            "mean packet loss (0-1) of the pings this NPU sent (direction=out) or received (direction=in)"),
    PING_FAILED(
            "ascendcp.npu.ping.failed.pairs",
            Labels.PING,
            "pings this NPU sent (out) or received (in) that got no answer at all"),
    NODE_REACHABLE("ascendcp.node.reachable", Labels.NODE, "1 when the node answered over SSH"),
    NODE_OK("ascendcp.node.ok", Labels.NODE, "1 when the node's verdict (its own and its NPUs' checks) is ok"),
    CLUSTER_OK("ascendcp.cluster.verification.ok", Labels.CLUSTER, "1 when the cluster's latest verification passed"),
    CLUSTER_CHECKED(
            "ascendcp.cluster.verification.timestamp.seconds",
            Labels.CLUSTER,
            "when the cluster's latest verification ended, in seconds since the epoch"),
    CLUSTER_FAILING_NPUS(
            "ascendcp.cluster.failing.npus", Labels.CLUSTER, "NPUs whose own checks failed in the latest verification"),
    CLUSTER_PING_PAIRS("ascendcp.cluster.ping.pairs", Labels.CLUSTER, "pings sent by the latest verification"),
    CLUSTER_PING_FAILED(
            "ascendcp.cluster.ping.failed.pairs", Labels.CLUSTER, "pings of the latest verification that failed");

    /** The label keys of each kind of gauge. */
    enum Labels {
        CLUSTER(List.of("cluster")),
        NODE(List.of("cluster", "node")),
        NPU(List.of("cluster", "node", "npu")),
        PING(List.of("cluster", "node", "npu", "direction"));

        final List<String> keys;

        Labels(List<String> keys) {
            this.keys = keys;
        }
    }

    final String meterName;
    final Labels labels;
    final String description;

    NpuMetric(String meterName, Labels labels, String description) {
        this.meterName = meterName;
        this.labels = labels;
        this.description = description;
    }
}
