package dev.ascendcp.verification.phase;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.OptionViolation;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.jobs.TargetNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The VERIFY phase: stage 1 collects every node (all nodes in parallel), stage 2 pings the NPU addresses collected in
 * stage 1, and the verdict is stored when the job ends.
 */
@Component
class VerifyPhase implements Phase {

    static final String COLLECT = "collect";
    static final String PING = "ping";

    private static final Logger log = LoggerFactory.getLogger(VerifyPhase.class);

    private final StepDeps deps;
    private final VerificationRecorder recorder;

    VerifyPhase(StepDeps deps, VerificationRecorder recorder) {
        this.deps = deps;
        this.recorder = recorder;
    }

    @Override
    public PhaseKind kind() {
        return PhaseKind.VERIFY;
    }

    @Override
    public List<OptionViolation> validate(JobRequest request, ClusterTargets targets) {
        return VerifyOptions.violations(request.options());
    }

    @Override
    public JobPlan plan(JobRequest request, ClusterTargets targets) {
        VerifyOptions options = VerifyOptions.from(request.options());
        List<Integer> npuCounts = targets.nodes().stream()
                .map(n -> deps.inventory
                        .findNode(n.nodeId())
                        .map(NodeResponse::npuCount)
                        .orElse(0))
                .toList();
        int pings = PingEstimate.pings(options.strategy(), npuCounts);
        log.info(
                "VERIFY on cluster {}: {} nodes, {} pings planned ({}, {} packets each)",
                targets.clusterName(),
                targets.nodes().size(),
                pings,
                options.strategy(),
                options.pingCount());
        CollectStep collect = new CollectStep(deps, pings);
        PingStep ping = new PingStep(deps, options);
        JobPlan.Builder plan = JobPlan.builder();
        for (TargetNode node : targets.nodes()) {
            plan.step(node, COLLECT, deps.properties.collectTimeout(), collect);
        }
        plan.thenStage();
        for (TargetNode node : targets.nodes()) {
            plan.step(node, PING, deps.properties.pingTimeout(), ping);
        }
        return plan.build();
    }

    @Override
    public void onJobFinished(FinishedJob job) {
        recorder.record(job);
    }
}
