package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * First step of stage 2 on every node: the cross-node part of the pre-flight, run once every node's checks ended. It
 * fails (and stops the job) with the full per-node list when any node had a problem, when the image IDs differ (Ray
 * only checks the Ray and Python versions, every other skew fails later and less clearly) or when the cluster was
 * not verified. It runs no command.
 */
final class PreflightVerdictStep implements StepAction {

    static final String NAME = "preflight-verdict";

    private final BootstrapPlan plan;
    private final VerificationGate gate;

    PreflightVerdictStep(BootstrapPlan plan, VerificationGate gate) {
        this.plan = plan;
        this.gate = gate;
    }

    @Override
    public StepOutcome run(StepContext context) {
        List<String> lines = problems(context);
        if (lines.isEmpty()) {
            return StepOutcome.succeeded(
                    "pre-flight passed on all " + plan.nodes().size() + " nodes");
        }
        return StepOutcome.failed(PreflightStep.REASON, "pre-flight failed:\n- " + String.join("\n- ", lines), null);
    }

    List<String> problems(StepContext context) {
        List<String> lines = new ArrayList<>();
        Map<String, List<String>> byImage = new LinkedHashMap<>();
        for (NodeResponse node : plan.nodes()) {
            NodePreflight found = (NodePreflight) context.attributes().get(NodePreflight.KEY + node.id());
            if (found == null) {
                lines.add(node.name() + ": the pre-flight did not complete (see its step)");
                continue;
            }
            found.problems().forEach(p -> lines.add(node.name() + ": " + p));
            if (found.imageId() != null) {
                byImage.computeIfAbsent(found.imageId(), k -> new ArrayList<>()).add(node.name());
            }
        }
        if (byImage.size() > 1) {
            StringBuilder sb = new StringBuilder(
                    "the image " + plan.cluster().container().image() + " has different IDs on the nodes:");
            byImage.forEach((id, nodes) -> sb.append(' ')
                    .append(String.join(", ", nodes))
                    .append(" = ")
                    .append(id));
            lines.add(sb + "; fix: pull or load the same build on every node (docker pull, or docker save | load)");
        }
        if (plan.options().requireVerified()) {
            Optional<Instant> passed = gate.lastPassed(plan.cluster().id());
            if (passed.isEmpty()) {
                lines.add("cluster " + plan.cluster().name() + ": no passed verification; fix: run VERIFY first"
                        + " (the NPU network must be healthy before Ray and HCCL use it), or start the"
                        + " Bootstrap with requireVerified: false");
            }
        }
        return lines;
    }
}
