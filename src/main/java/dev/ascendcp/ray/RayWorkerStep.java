package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.ExecResult;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 4 on each worker, in parallel: kept when its Ray is alive in the cluster with the same env and neither the
 * head nor its container was restarted; otherwise a TCP check of the head's GCS from the worker's container, then
 * {@code ray stop} and {@code ray start --address=<head>}.
 */
final class RayWorkerStep implements StepAction {

    static final String NAME = "ray-worker";

    private final BootstrapPlan plan;
    private final NodeResponse node;
    private final RayDeps deps;

    RayWorkerStep(BootstrapPlan plan, NodeResponse node, RayDeps deps) {
        this.plan = plan;
        this.node = node;
        this.deps = deps;
    }

    @Override
    @SuppressWarnings("unchecked")
    public StepOutcome run(StepContext context) {
        NodeShell shell = deps.shell(node.id(), context);
        RayEnv env = plan.env(node, deps.properties());
        String address = (String) context.attributes().getOrDefault(RayFacts.HEAD_ADDRESS, plan.headAddress());
        Set<String> alive = (Set<String>) context.attributes().getOrDefault(RayFacts.ALIVE_IPS, Set.of());
        boolean restart = context.attributes().containsKey(RayFacts.HEAD_RESTARTED)
                || context.attributes().containsKey(ContainerStep.FRESH + node.id());
        Optional<String> started = deps.store().envHash(plan.cluster().id(), node.id());
        if (!restart
                && alive.contains(node.localIp())
                && started.isPresent()
                && started.get().equals(env.hash())) {
            return StepOutcome.skipped("Ray already runs on " + node.name() + " in the cluster at " + address);
        }
        if (started.isPresent() && !started.get().equals(env.hash()) && !restart) {
            shell.log("the env changed since Ray was started on " + node.name() + " ("
                    + env.describeDrift(deps.store().envValues(plan.cluster().id(), node.id())) + "); restarting Ray");
        }
        context.attributes().put(RayFacts.CHANGED, Boolean.TRUE);
        ExecResult check = shell.run(
                RayCommands.healthCheck(plan.container(), address),
                deps.properties().commandTimeout());
        Optional<StepOutcome> ssh = StepResults.sshFailure(check);
        if (ssh.isPresent()) {
            return ssh.get();
        }
        if (!check.succeeded()) {
            return StepOutcome.failed(
                    "HEAD_UNREACHABLE",
                    node.name() + " (" + node.localIp() + ") cannot reach the Ray head at " + address
                            + ": TCP check (ray health-check --address " + address + ") failed: "
                            + NodeShell.lastLine(check) + "; fix: open TCP " + address + " from this node (firewall,"
                            + " routing) and check the head's localIp",
                    check.exitCode());
        }
        ExecResult stop = shell.run(
                RayCommands.rayStop(plan.container()), deps.properties().rayStartTimeout());
        if (StepResults.sshFailure(stop).isPresent()) {
            return StepResults.sshFailure(stop).get();
        }
        ExecResult start = shell.stream(
                RayCommands.startWorker(plan.container(), env, address, node.localIp(), node.npuCount()),
                deps.properties().rayStartTimeout());
        if (!start.succeeded()) {
            return StepResults.commandFailed(
                    "RAY_START_FAILED", node.name() + ": ray start --address=" + address + " failed", start);
        }
        deps.store().rayStarted(plan.cluster().id(), node.id(), node.name(), env);
        return StepOutcome.succeeded("Ray worker joined " + address);
    }
}
