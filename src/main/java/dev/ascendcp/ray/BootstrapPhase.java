package dev.ascendcp.ray;

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
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * BOOTSTRAP: pre-flight on every node, the cross-node verdict, containers, the Ray head, the workers in parallel,
 * then the post-check. Always planned over the whole cluster (a retry too): re-running converges, steps that find
 * their work done are skipped.
 */
@Component
class BootstrapPhase implements Phase {

    /** Failures after which going on cannot help: nothing may change after a failed pre-flight, no worker can join a
     * head that did not start. */
    private static final Set<String> STOPPING = Set.of(PreflightVerdictStep.NAME, RayHeadStep.NAME);

    private final PlanLoader loader;
    private final RayDeps deps;

    BootstrapPhase(PlanLoader loader, RayDeps deps) {
        this.loader = loader;
        this.deps = deps;
    }

    @Override
    public PhaseKind kind() {
        return PhaseKind.BOOTSTRAP;
    }

    @Override
    public List<OptionViolation> validate(JobRequest request, ClusterTargets targets) {
        return BootstrapOptions.validate(request.options(), BootstrapOptions.BOOTSTRAP_KEYS);
    }

    @Override
    public JobPlan plan(JobRequest request, ClusterTargets targets) {
        BootstrapPlan plan = loader.load(request.clusterId(), request.options());
        JobPlan.Builder b = JobPlan.builder();
        for (NodeResponse node : plan.nodes()) {
            b.step(BootstrapPlan.target(node), PreflightStep.NAME, new PreflightStep(plan, node, deps));
        }
        b.thenStage();
        for (NodeResponse node : plan.nodes()) {
            TargetNode target = BootstrapPlan.target(node);
            b.step(target, PreflightVerdictStep.NAME, new PreflightVerdictStep(plan, deps.gate()));
            b.step(target, ContainerStep.NAME, new ContainerStep(plan, node, deps));
        }
        b.thenStage().step(BootstrapPlan.target(plan.head()), RayHeadStep.NAME, new RayHeadStep(plan, deps));
        b.thenStage();
        for (NodeResponse node : plan.workers()) {
            b.step(BootstrapPlan.target(node), RayWorkerStep.NAME, new RayWorkerStep(plan, node, deps));
        }
        b.thenStage().step(BootstrapPlan.target(plan.head()), PostCheckStep.NAME, new PostCheckStep(plan, deps));
        return b.build();
    }

    @Override
    public boolean stopsJob(String stepName, TargetNode node, StepOutcome outcome) {
        return STOPPING.contains(stepName);
    }

    @Override
    public void onJobFinished(FinishedJob job) {
        BootstrapPlan plan = loader.load(job.job().clusterId(), job.job().options());
        loader.saveRunbook(plan, job);
        boolean changed = job.attributes().containsKey(RayFacts.CHANGED);
        boolean checked = job.attributes().containsKey(PostCheckStep.DONE);
        if (job.job().status() != JobStatus.SUCCEEDED && changed && !checked) {
            loader.saveState(plan, job, RayState.DEGRADED);
        }
    }
}
