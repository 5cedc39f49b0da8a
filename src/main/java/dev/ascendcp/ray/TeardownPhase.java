package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.PhaseKind;
import org.springframework.stereotype.Component;

/** TEARDOWN: stop vLLM on the head, then {@code ray stop} on the workers, then on the head; optionally remove the containers. */
@Component
class TeardownPhase extends RayPhase {

    TeardownPhase(PlanLoader loader, RayDeps deps) {
        super(PhaseKind.TEARDOWN, BootstrapOptions.TEARDOWN_KEYS, loader, deps);
    }

    @Override
    JobPlan plan(BootstrapPlan plan) {
        NodeResponse head = plan.head();
        JobPlan.Builder b = JobPlan.builder()
                .step(BootstrapPlan.target(head), TeardownStep.STOP_VLLM, new TeardownStep(plan, head, deps, true))
                .thenStage();
        for (NodeResponse worker : plan.workers()) {
            b.step(BootstrapPlan.target(worker), TeardownStep.RAY_STOP, new TeardownStep(plan, worker, deps, false));
        }
        return b.thenStage()
                .step(BootstrapPlan.target(head), TeardownStep.RAY_STOP, new TeardownStep(plan, head, deps, false))
                .build();
    }

    @Override
    void onJobFinished(BootstrapPlan plan, FinishedJob job) {
        loader.saveState(plan, job, job.job().status() == JobStatus.SUCCEEDED ? RayState.STOPPED : RayState.DEGRADED);
    }
}
