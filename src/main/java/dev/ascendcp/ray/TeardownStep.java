package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One node of TEARDOWN: stop vLLM (head), {@code ray stop}, and with {@code removeContainers} the container. */
final class TeardownStep implements StepAction {

    static final String STOP_VLLM = "stop-vllm";
    static final String RAY_STOP = "ray-stop";

    private final BootstrapPlan plan;
    private final NodeResponse node;
    private final RayDeps deps;
    private final boolean vllmOnly;

    TeardownStep(BootstrapPlan plan, NodeResponse node, RayDeps deps, boolean vllmOnly) {
        this.plan = plan;
        this.node = node;
        this.deps = deps;
        this.vllmOnly = vllmOnly;
    }

    @Override
    public StepOutcome run(StepContext context) {
        NodeShell shell = deps.shell(node.id(), context);
        ContainerFacts facts = ContainerFacts.read(shell, plan.container(), deps.properties());
        if (vllmOnly) {
            return stopVllm(shell, facts);
        }
        List<String> done = new ArrayList<>();
        if (facts.running()) {
            ExecResult stop = shell.stream(
                    RayCommands.rayStop(plan.container()), deps.properties().rayStartTimeout());
            Optional<StepOutcome> ssh = StepResults.sshFailure(stop);
            if (ssh.isPresent()) {
                return ssh.get();
            }
            if (!stop.succeeded()) {
                return StepResults.commandFailed("RAY_STOP_FAILED", "ray stop failed", stop);
            }
            int stopped = RayOutputs.stoppedProcesses(
                    stop.stdout().text() + "\n" + stop.stderr().text());
            done.add(stopped == 0 ? "no Ray process was running" : "stopped " + stopped + " Ray processes");
        }
        if (plan.options().removeContainers() && facts.exists()) {
            ExecResult rm = shell.run(
                    RayCommands.removeContainer(plan.container()),
                    deps.properties().commandTimeout());
            if (!rm.succeeded()) {
                return StepResults.commandFailed("CONTAINER_FAILED", "docker rm failed", rm);
            }
            done.add("removed container " + plan.container());
        }
        if (done.isEmpty()) {
            return StepOutcome.skipped("container " + plan.container() + " is not running; nothing to stop");
        }
        return StepOutcome.succeeded(String.join("; ", done));
    }

    private StepOutcome stopVllm(NodeShell shell, ContainerFacts facts) {
        if (!facts.vllmServing()) {
            return StepOutcome.skipped("vLLM is not running on " + node.name());
        }
        ExecResult kill = shell.run(
                RayCommands.stopVllm(plan.container()), deps.properties().commandTimeout());
        if (!kill.succeeded() && StepResults.sshFailure(kill).isPresent()) {
            return StepResults.sshFailure(kill).get();
        }
        return StepOutcome.succeeded("stopped vLLM in container " + plan.container());
    }
}
