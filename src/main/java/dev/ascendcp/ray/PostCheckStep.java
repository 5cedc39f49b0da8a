package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Last stage, on the head: proof that Ray sees every node alive with its NPUs as the resource {@code NPU} (what
 * vllm-ascend asks for), read from {@code ray list nodes --format json}. Stores the Ray state either way.
 */
final class PostCheckStep implements StepAction {

    static final String NAME = "ray-post-check";
    static final String DONE = "ray.postcheck.done";

    private final BootstrapPlan plan;
    private final RayDeps deps;

    PostCheckStep(BootstrapPlan plan, RayDeps deps) {
        this.plan = plan;
        this.deps = deps;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        NodeShell shell = deps.shell(plan.head().id(), context);
        Instant until = Instant.now().plus(deps.properties().postCheckWait());
        List<RayNodeInfo> nodes = RayFacts.nodes(shell, plan.container(), deps.properties());
        List<String> problems = problems(nodes);
        while (!problems.isEmpty() && Instant.now().isBefore(until) && !context.isCancelled()) {
            Thread.sleep(1000); // nodes register with the GCS a moment after ray start returns
            nodes = RayFacts.nodes(shell, plan.container(), deps.properties());
            problems = problems(nodes);
        }
        List<RayNodeInfo> last = nodes;
        context.attributes().put(DONE, Boolean.TRUE);
        int alive = (int)
                plan.nodes().stream().filter(n -> row(last, n).isPresent()).count();
        int npus = (int) plan.nodes().stream()
                .mapToDouble(n -> row(last, n).map(RayNodeInfo::npus).orElse(0.0))
                .sum();
        RayState state = problems.isEmpty() ? RayState.RUNNING : RayState.DEGRADED;
        deps.store()
                .saveState(new RayStatusView(
                        plan.cluster().id(),
                        state,
                        (String) context.attributes().getOrDefault(RayFacts.HEAD_ADDRESS, plan.headAddress()),
                        alive,
                        plan.nodes().size(),
                        npus,
                        plan.npusTotal(),
                        plan.dashboardUrl(),
                        problems.isEmpty() ? null : String.join("; ", problems),
                        context.jobId(),
                        Instant.now()));
        if (!problems.isEmpty()) {
            return StepOutcome.failed("RAY_POSTCHECK_FAILED", String.join("; ", problems), null);
        }
        return StepOutcome.succeeded(
                "Ray sees " + alive + "/" + plan.nodes().size() + " nodes alive and " + npus + " NPUs");
    }

    List<String> problems(List<RayNodeInfo> nodes) {
        List<String> problems = new ArrayList<>();
        for (NodeResponse node : plan.nodes()) {
            Optional<RayNodeInfo> row = row(nodes, node);
            if (row.isEmpty()) {
                problems.add(node.name() + " (" + node.localIp() + ") is not alive in Ray");
            } else if (row.get().npus() == 0 && row.get().gpus() > 0) {
                problems.add(
                        node.name() + " reports GPU=" + (int) row.get().gpus() + " but no NPU: vllm-ascend will fail"
                                + " with \"Current node has no NPU available\"; fix: start Ray with --resources='{\"NPU\": "
                                + node.npuCount() + "}' instead of --num-gpus (run BOOTSTRAP again)");
            } else if ((int) row.get().npus() != node.npuCount()) {
                problems.add(node.name() + " reports NPU=" + (int) row.get().npus() + ", expected " + node.npuCount()
                        + "; fix: check ASCEND_RT_VISIBLE_DEVICES and the container's devices");
            }
        }
        return problems;
    }

    private static Optional<RayNodeInfo> row(List<RayNodeInfo> nodes, NodeResponse node) {
        return nodes.stream()
                .filter(n -> n.alive() && n.ip().equals(node.localIp()))
                .findFirst();
    }
}
