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
import java.util.List;
import org.springframework.stereotype.Component;

/** TEARDOWN: stop vLLM on the head, then {@code ray stop} on the workers, then on the head; optionally remove the containers. */
@Component
class TeardownPhase implements Phase {

    private final PlanLoader loader;
    private final RayDeps deps;

    TeardownPhase(PlanLoader loader, RayDeps deps) {
        this.loader = loader;
        this.deps = deps;
    }

    @Override
    public PhaseKind kind() {
        return PhaseKind.TEARDOWN;
    }

    @Override
    public List<OptionViolation> validate(JobRequest request, ClusterTargets targets) {
        return BootstrapOptions.validate(request.options(), BootstrapOptions.TEARDOWN_KEYS);
    }

    @Override
    public JobPlan plan(JobRequest request, ClusterTargets targets) {
        BootstrapPlan plan = loader.load(request.clusterId(), request.options());
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
    public void onJobFinished(FinishedJob job) {
        BootstrapPlan plan = loader.load(job.job().clusterId(), job.job().options());
        loader.saveRunbook(plan, job);
        loader.saveState(plan, job, job.job().status() == JobStatus.SUCCEEDED ? RayState.STOPPED : RayState.DEGRADED);
    }
}
