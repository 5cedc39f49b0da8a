package dev.ascendcp.serving;

import dev.ascendcp.inventory.ClusterResponse;
import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.OptionViolation;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.jobs.TargetNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The Serve phase: config.json on every node (stage 1), then on the head launch, readiness and smoke test (stage 2).
 */
@Component
class ServePhase implements Phase {

    static final String CHECK_MODEL = "check model";

    private final Inventory inventory;
    private final ServeTools tools;

    ServePhase(Inventory inventory, ServeTools tools) {
        this.inventory = inventory;
        this.tools = tools;
    }

    @Override
    public PhaseKind kind() {
        return PhaseKind.SERVE;
    }

    @Override
    public List<OptionViolation> validate(JobRequest request, ClusterTargets targets) {
        return planFor(request).violations();
    }

    @Override
    public JobPlan plan(JobRequest request, ClusterTargets targets) {
        ServePlan plan = planFor(request).plan();
        if (plan == null) {
            throw new IllegalStateException("SERVE plan of cluster " + request.clusterId() + " is invalid");
        }
        NodeResponse head = inventory.nodesOf(request.clusterId()).get(0);
        TargetNode headTarget = new TargetNode(head.id(), head.name());
        JobPlan.Builder builder = JobPlan.builder();
        if (plan.modelIsPath()) {
            List<TargetNode> nodes = targets.nodes().stream()
                            .anyMatch(n -> n.nodeId().equals(head.id()))
                    ? targets.nodes()
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of(headTarget), targets.nodes().stream())
                            .toList();
            builder.stepOnEach(nodes, CHECK_MODEL, new ModelCheckStep(tools, plan, head.id()))
                    .thenStage();
        }
        Duration readiness = tools.properties().readinessTimeout().plusMinutes(2);
        return builder.step(headTarget, "launch vLLM", Duration.ofMinutes(5), new LaunchStep(tools, plan, head))
                .step(headTarget, "wait for /health", readiness, new ReadinessStep(tools, plan, head))
                .step(headTarget, "smoke test", Duration.ofMinutes(5), new SmokeTestStep(tools, plan, head))
                .deadline(readiness.plusMinutes(15))
                .build();
    }

    @Override
    public boolean stopsJob(String stepName, TargetNode node, StepOutcome outcome) {
        // A missing model is reported for every node before the launch refuses; anything else ends the job.
        return !CHECK_MODEL.equals(stepName);
    }

    @Override
    public void onJobFinished(FinishedJob finished) {
        UUID clusterId = finished.job().clusterId();
        ServingView now = tools.store().view(clusterId);
        boolean ours = finished.job().id().equals(now.jobId());
        if (ours && now.state() == ServingState.STARTING && finished.job().status() != JobStatus.SUCCEEDED) {
            tools.store()
                    .transition(
                            clusterId,
                            ServingState.FAILED,
                            finished.job().status().name(),
                            "the SERVE job ended " + finished.job().status() + " while vLLM was starting");
        }
    }

    private ServePlanner.Result planFor(JobRequest request) {
        ClusterResponse cluster = inventory.findCluster(request.clusterId()).orElseThrow();
        List<NodeResponse> nodes = inventory.nodesOf(request.clusterId());
        return ServePlanner.plan(cluster, nodes, request.options(), request.phase() == PhaseKind.SERVE);
    }
}
