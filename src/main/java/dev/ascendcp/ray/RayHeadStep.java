package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.ExecResult;
import java.util.List;
import java.util.Optional;

/**
 * Stage 3 on the head: Ray is kept when it runs with the same env in a container that was not recreated; otherwise
 * {@code ray stop} (a stale Ray makes the start fail, problems.md #22) and {@code ray start --head}. The address
 * workers join is parsed from the head's own output, not assumed.
 */
final class RayHeadStep implements StepAction {

    static final String NAME = "ray-head";

    private final BootstrapPlan plan;
    private final RayDeps deps;

    RayHeadStep(BootstrapPlan plan, RayDeps deps) {
        this.plan = plan;
        this.deps = deps;
    }

    @Override
    public StepOutcome run(StepContext context) {
        NodeResponse head = plan.head();
        NodeShell shell = deps.shell(head.id(), context);
        RayEnv env = plan.env(head, deps.properties());
        List<RayNodeInfo> nodes = RayFacts.nodes(shell, plan.container(), deps.properties());
        context.attributes().put(RayFacts.ALIVE_IPS, RayFacts.aliveIps(nodes));
        boolean alive = nodes.stream().anyMatch(n -> n.alive() && n.head() && n.ip().equals(head.localIp()));
        boolean fresh = context.attributes().containsKey(ContainerStep.FRESH + head.id());
        Optional<String> started = deps.store().envHash(plan.cluster().id(), head.id());
        if (alive && !fresh && started.isPresent() && started.get().equals(env.hash())) {
            context.attributes().put(RayFacts.HEAD_ADDRESS, plan.headAddress());
            return StepOutcome.skipped("Ray head already runs at " + plan.headAddress() + " with the same env");
        }
        shell.log(reason(alive, fresh, started, env, head));
        context.attributes().put(RayFacts.CHANGED, Boolean.TRUE);
        ExecResult stop = shell.run(
                RayCommands.rayStop(plan.container()), deps.properties().rayStartTimeout());
        Optional<StepOutcome> ssh = StepResults.sshFailure(stop);
        if (ssh.isPresent()) {
            return ssh.get();
        }
        ExecResult start = shell.stream(
                RayCommands.startHead(
                        plan.container(), env, plan.cluster().ray().port(), head.localIp(), head.npuCount()),
                deps.properties().rayStartTimeout());
        if (!start.succeeded()) {
            return StepResults.commandFailed("RAY_START_FAILED", "ray start --head failed", start);
        }
        Optional<String> address = RayOutputs.headAddress(
                start.stdout().text() + "\n" + start.stderr().text());
        if (address.isEmpty()) {
            return StepOutcome.failed(
                    "RAY_START_FAILED", "ray start --head printed no \"ray start --address='…'\" line", 0);
        }
        deps.store().rayStarted(plan.cluster().id(), head.id(), head.name(), env);
        context.attributes().put(RayFacts.HEAD_ADDRESS, address.get());
        context.attributes().put(RayFacts.HEAD_RESTARTED, Boolean.TRUE);
        return StepOutcome.succeeded("Ray head started at " + address.get());
    }

    private String reason(boolean alive, boolean fresh, Optional<String> started, RayEnv env, NodeResponse node) {
        if (!alive) {
            return "Ray is not running on " + node.name() + "; starting it";
        }
        if (fresh) {
            return "the container on " + node.name() + " is new; restarting Ray in it";
        }
        if (started.isEmpty()) {
            return "Ray on " + node.name()
                    + " was not started by this control plane; restarting it with the planned env";
        }
        return "the env changed since Ray was started on " + node.name() + " ("
                + env.describeDrift(deps.store().envValues(plan.cluster().id(), node.id())) + "); restarting Ray";
    }
}
