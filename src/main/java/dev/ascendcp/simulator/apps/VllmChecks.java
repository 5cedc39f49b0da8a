package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Machine;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why vLLM would fail to start on this cluster, with the real error texts (formats/ray-vllm/problems.md), or null.
 */
final class VllmChecks {

    private VllmChecks() {}

    static @Nullable String firstProblem(SimulatedNode head, VllmOptions o, RayCluster ray) {
        if (!modelPresent(head, o.model())) {
            return "huggingface_hub.errors.HFValidationError: Repo id must use alphanumeric chars or '-', '_', '.', '--' and"
                    + " '..' are forbidden, '-' and '.' cannot start or end the name, max length is 96: '" + o.model()
                    + "'.";
        }
        int needed = o.tensorParallel() * o.pipelineParallel();
        boolean useRay = "ray".equals(o.backend()) || needed > head.npuCount();
        if (o.pipelineParallel() > 1 && !o.disableFrontendMultiprocessing()) {
            return "NotImplementedError: Pipeline parallelism is only supported through AsyncLLMEngine as performance will"
                    + " be severely degraded otherwise.";
        }
        if (!useRay) {
            return null;
        }
        RayMember self = ray.memberOn(head);
        List<RayMember> alive = ray.alive();
        if (self == null) {
            return "ConnectionError: Could not find any running Ray instance. Please specify the one to connect to by setting"
                    + " `--address` flag or `RAY_ADDRESS` environment variable.";
        }
        double npus = alive.stream().mapToDouble(RayMember::npus).sum();
        if (self.npus() == 0) {
            return "ValueError: Current node has no NPU available. current_node_resource=" + self.resources()
                    + ". vLLM engine cannot start without NPU. Make sure you have at least 1 NPU available in a node"
                    + " current_node_id=" + self.nodeId() + " current_ip=" + self.ip();
        }
        if (npus < needed) {
            return "ValueError: The number of required NPUs exceeds the total number of available NPUs in the placement"
                    + " group.";
        }
        for (RayMember m : alive) {
            String problem = memberProblem(m, o);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static boolean modelPresent(SimulatedNode node, String model) {
        return !model.startsWith("/") || node.fileSystem().isFile(model.replaceAll("/+$", "") + "/config.json");
    }

    private static @Nullable String memberProblem(RayMember m, VllmOptions o) {
        String where = "(RayWorkerWrapper pid=344, ip=" + m.ip() + ") ";
        if (!modelPresent(m.node(), o.model())) {
            return where + "FileNotFoundError: " + o.model() + " (invalid repository id)";
        }
        Machine machine = m.node().machine();
        for (String var : List.of("GLOO_SOCKET_IFNAME", "TP_SOCKET_IFNAME")) {
            String nic = m.env().get(var);
            if (nic == null
                    || machine.interfaces().stream().noneMatch(i -> i.name().equals(nic))) {
                return where
                        + "[W ProcessGroupGloo.cpp:721] Warning: Unable to resolve hostname to a (local) address. Using"
                        + " the loopback address as fallback. Manually set the network interface to bind to with"
                        + " GLOO_SOCKET_IFNAME.\n" + where + "RuntimeError: Gloo connectFullMesh failed with"
                        + " [../third_party/gloo/gloo/transport/tcp/pair.cc:144] no error";
            }
        }
        String hcclIp = m.env().get("HCCL_IF_IP");
        if (hcclIp != null && !hcclIp.equals(m.node().localIp())) {
            return where
                    + "EI0006: Getting socket times out. Reason: 1. The remote does not initiate a connect request."
                    + " some NPUs in the cluster are abnormal. 2. The remote does not initiate a connect request because"
                    + " the collective communication operator is started too late or is not started by some NPU in the"
                    + " cluster. 3. The communication link is disconnected. (For example, the IP addresses are not on the"
                    + " same network segment or the TLS configurations are inconsistent.)";
        }
        if (m.env().get("RAY_EXPERIMENTAL_NOSET_ASCEND_RT_VISIBLE_DEVICES") == null) {
            return where + "The argument is invalid.Reason: Set visible device failed, invalid device=1, input visible"
                    + " devices:1\n" + where + "rtSetDevice execute failed, reason=[device id error]\n" + where
                    + "open device 1 failed, runtime result = 107001.";
        }
        return null;
    }
}
