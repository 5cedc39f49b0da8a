package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.ExecResult;
import java.util.Optional;

/**
 * Stage 2 on every node: the vllm-ascend container, detached. A running container whose spec label matches is kept;
 * one with another spec is recreated, but not while vLLM serves in it unless {@code force}.
 */
final class ContainerStep implements StepAction {

    static final String NAME = "container";
    static final String FRESH = "ray.fresh.";

    private final BootstrapPlan plan;
    private final NodeResponse node;
    private final RayDeps deps;

    ContainerStep(BootstrapPlan plan, NodeResponse node, RayDeps deps) {
        this.plan = plan;
        this.node = node;
        this.deps = deps;
    }

    @Override
    public StepOutcome run(StepContext context) {
        NodeShell shell = deps.shell(node.id(), context);
        ContainerSpec spec = plan.containerSpec(node, deps.properties());
        ContainerFacts facts = ContainerFacts.read(shell, spec.name(), deps.properties());
        if (facts.running() && spec.hash().equals(facts.specLabel())) {
            return StepOutcome.skipped("container " + spec.name() + " already runs with this spec ("
                    + spec.hash().substring(0, 12) + ")");
        }
        if (facts.exists()) {
            if (facts.vllmServing() && !plan.options().force()) {
                return StepOutcome.failed(
                        "CONTAINER_DRIFT",
                        "container " + spec.name() + " runs with another spec and vLLM is serving in it; stop the"
                                + " serving first or start the Bootstrap with force: true",
                        null);
            }
            shell.log("container " + spec.name() + " " + (facts.running() ? "runs with another spec" : "is stopped")
                    + "; recreating it");
            ExecResult rm = shell.run(
                    RayCommands.removeContainer(spec.name()), deps.properties().commandTimeout());
            if (!rm.succeeded()) {
                return StepResults.commandFailed("CONTAINER_FAILED", "docker rm failed", rm);
            }
        }
        context.attributes().put(FRESH + node.id(), Boolean.TRUE);
        ExecResult run = shell.stream(spec.runCommand(), deps.properties().pullTimeout());
        if (!run.succeeded()) {
            return StepResults.commandFailed("CONTAINER_FAILED", "docker run failed", run);
        }
        return checkShm(shell, spec)
                .orElseGet(() -> StepOutcome.succeeded((facts.exists() ? "recreated" : "created") + " container "
                        + spec.name() + " with " + node.npuCount() + " NPUs"));
    }

    private Optional<StepOutcome> checkShm(NodeShell shell, ContainerSpec spec) {
        ExecResult df =
                shell.run(RayCommands.shmIn(spec.name()), deps.properties().commandTimeout());
        Optional<Long> kb = RayOutputs.dfSizeKb(df.stdout().text());
        Optional<Long> wanted = RayOutputs.dockerSize(spec.shmSize());
        if (df.succeeded() && kb.isPresent() && wanted.isPresent() && kb.get() * 1024 < wanted.get()) {
            return Optional.of(StepOutcome.failed(
                    "SHM_TOO_SMALL",
                    "/dev/shm in container " + spec.name() + " has " + kb.get() + " KiB, less than " + spec.shmSize(),
                    null));
        }
        return Optional.empty();
    }
}
