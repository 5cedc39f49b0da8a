package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.verification.NpuProcess;
import dev.ascendcp.verification.NpuSmiInfo;
import dev.ascendcp.verification.NpuSmiParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage 1 of BOOTSTRAP on one node: checks everything before anything changes and leaves its findings in the job's
 * attributes for the cross-node verdict. Each problem names what is wrong and how to fix it.
 */
final class PreflightStep implements StepAction {

    static final String NAME = "preflight";
    static final String REASON = "PREFLIGHT_FAILED";

    private final BootstrapPlan plan;
    private final NodeResponse node;
    private final RayDeps deps;

    PreflightStep(BootstrapPlan plan, NodeResponse node, RayDeps deps) {
        this.plan = plan;
        this.node = node;
        this.deps = deps;
    }

    @Override
    public StepOutcome run(StepContext context) {
        NodeShell shell = deps.shell(node.id(), context);
        List<String> problems = new ArrayList<>();
        ContainerFacts facts = new ContainerFacts(false, null, false);
        ExecResult docker =
                shell.run(RayCommands.dockerVersion(), deps.properties().commandTimeout());
        Optional<StepOutcome> ssh = StepResults.sshFailure(docker);
        if (ssh.isPresent()) {
            return ssh.get();
        }
        String imageId = null;
        if (!docker.succeeded()) {
            problems.add("the docker CLI does not answer (" + NodeShell.lastLine(docker) + "); fix: install Docker"
                    + " and let the SSH user run it (set sudo on the node or add the user to the docker group)");
        } else {
            imageId = new ImageCheck(plan, shell, deps.properties()).run(problems);
            facts = ContainerFacts.read(shell, plan.container(), deps.properties());
        }
        checkNic(shell, problems);
        if (plan.isHead(node.id())) {
            checkRayPort(shell, facts, problems);
        }
        checkNpus(shell, facts, problems);
        checkShm(shell, facts, problems);
        context.attributes()
                .put(
                        NodePreflight.KEY + node.id(),
                        new NodePreflight(
                                node.id(),
                                node.name(),
                                problems,
                                imageId,
                                facts.running(),
                                facts.specLabel(),
                                facts.vllmServing()));
        if (!problems.isEmpty()) {
            return StepOutcome.failed(REASON, String.join("; ", problems), null);
        }
        return StepOutcome.succeeded("docker " + docker.stdout().text().strip() + ", image " + shortId(imageId) + ", "
                + node.nicName() + " carries " + node.localIp() + ", " + node.npuCount() + " NPUs free");
    }

    private void checkNic(NodeShell shell, List<String> problems) {
        ExecResult ip = shell.run(
                RayCommands.nicAddresses(node.nicName()), deps.properties().commandTimeout());
        if (!ip.succeeded()) {
            problems.add("NIC " + node.nicName() + " does not exist (" + NodeShell.lastLine(ip) + "); fix: set the"
                    + " node's nicName to the interface that carries " + node.localIp() + " (see ip -o -4 addr)");
            return;
        }
        List<String> addresses = RayOutputs.ipv4Addresses(ip.stdout().text());
        if (!addresses.contains(node.localIp())) {
            problems.add("NIC " + node.nicName() + " carries " + (addresses.isEmpty() ? "no IPv4 address" : addresses)
                    + " but not localIp " + node.localIp() + "; fix: correct localIp or nicName of the node");
        }
    }

    private void checkRayPort(NodeShell shell, ContainerFacts facts, List<String> problems) {
        int port = plan.cluster().ray().port();
        ExecResult ss =
                shell.run(RayCommands.listeningPorts(), deps.properties().commandTimeout());
        if (!ss.succeeded()) {
            problems.add("cannot list listening ports (" + NodeShell.lastLine(ss) + "); fix: install iproute2 (ss)");
            return;
        }
        List<String> holders = RayOutputs.listenersOn(ss.stdout().text(), port);
        if (!holders.isEmpty() && !ownRayHolds(shell, facts)) {
            problems.add("the Ray port " + port + " is already in use on the head (" + String.join(", ", holders)
                    + ") by something other than our Ray; fix: stop that process or choose another ray.port");
        }
    }

    private boolean ownRayHolds(NodeShell shell, ContainerFacts facts) {
        if (!facts.running()) {
            return false;
        }
        ExecResult nodes = shell.run(
                RayCommands.rayNodes(plan.container()), deps.properties().commandTimeout());
        if (!nodes.succeeded()) {
            return false;
        }
        try {
            return RayOutputs.nodes(nodes.stdout().text()).stream()
                    .anyMatch(n -> n.alive() && n.head() && n.ip().equals(node.localIp()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void checkNpus(NodeShell shell, ContainerFacts facts, List<String> problems) {
        ExecResult smi = shell.run(RayCommands.npuSmi(), deps.properties().commandTimeout());
        if (!smi.succeeded()) {
            problems.add("npu-smi info failed (" + NodeShell.lastLine(smi) + "); fix: check the Ascend driver");
            return;
        }
        NpuSmiInfo info = NpuSmiParser.parse(smi.stdout().text(), smi.stderr().text());
        if (info.deviceCount() < node.npuCount()) {
            problems.add("npu-smi shows " + info.deviceCount() + " NPUs but the node is registered with "
                    + node.npuCount() + "; fix: correct npuCount or check the driver");
        }
        if (facts.vllmServing()) {
            return; // the processes are our own vLLM's
        }
        for (NpuProcess p : info.processes()) {
            int device = info.deviceIndexOf(p);
            if (device < node.npuCount()) {
                problems.add("NPU " + device + " is occupied by process " + p.pid() + " (" + p.name() + "); fix: stop"
                        + " it first, HCCL cannot initialise on a busy NPU");
            }
        }
    }

    private void checkShm(NodeShell shell, ContainerFacts facts, List<String> problems) {
        String shmSize = plan.cluster().container().shmSize();
        long min = deps.properties().minShmSize().toBytes();
        Optional<Long> wanted = RayOutputs.dockerSize(shmSize);
        if (wanted.isEmpty() || wanted.get() < min) {
            problems.add("the container's shmSize " + shmSize + " is below the minimum of " + (min >> 20)
                    + " MiB; fix: raise container.shmSize of the cluster (Ray's object store lives in /dev/shm)");
            return;
        }
        if (facts.running()
                && plan.containerSpec(node, deps.properties()).hash().equals(facts.specLabel())) {
            ExecResult df = shell.run(
                    RayCommands.shmIn(plan.container()), deps.properties().commandTimeout());
            Optional<Long> kb = RayOutputs.dfSizeKb(df.stdout().text());
            if (df.succeeded() && kb.isPresent() && kb.get() * 1024 < wanted.get()) {
                problems.add("/dev/shm in the container has " + kb.get() + " KiB, less than " + shmSize
                        + "; fix: run with force to recreate the container");
            }
        }
    }

    private static String shortId(@org.jspecify.annotations.Nullable String id) {
        return id == null ? "?" : id.length() > 19 ? id.substring(0, 19) + "…" : id;
    }
}
