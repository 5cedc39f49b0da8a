package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.jobs.TargetNode;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * BOOTSTRAP: pre-flight on every node, the cross-node verdict, containers, the Ray head, the workers in parallel,
 * then the post-check. Always planned over the whole cluster (a retry too): re-running converges, steps that find
 * their work done are skipped.
 */
@Component
class BootstrapPhase extends RayPhase {

    /** Failures after which going on cannot help: nothing may change after a failed pre-flight, no worker can join a
     * head that did not start. */
    private static final Set<String> STOPPING = Set.of(PreflightVerdictStep.NAME, RayHeadStep.NAME);

    BootstrapPhase(PlanLoader loader, RayDeps deps) {
        super(PhaseKind.BOOTSTRAP, BootstrapOptions.BOOTSTRAP_KEYS, loader, deps);
    }

    @Override
    JobPlan plan(BootstrapPlan plan) {
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
    void onJobFinished(BootstrapPlan plan, FinishedJob job) {
        boolean changed = job.attributes().containsKey(RayFacts.CHANGED);
        boolean checked = job.attributes().containsKey(PostCheckStep.DONE);
        if (job.job().status() != JobStatus.SUCCEEDED && changed && !checked) {
            loader.saveState(plan, job, RayState.DEGRADED);
        }
    }
}
