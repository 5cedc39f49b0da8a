package dev.ascendcp.ray;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.OptionViolation;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.PhaseKind;
import java.util.List;
import java.util.Set;

/**
 * What the Ray phases share: their kind, the options each accepts, the cluster's {@link BootstrapPlan} loaded for
 * planning and again when the job ends, and the runbook saved at the end.
 */
abstract class RayPhase implements Phase {

    private final PhaseKind kind;
    private final Set<String> optionKeys;
    final PlanLoader loader;
    final RayDeps deps;

    RayPhase(PhaseKind kind, Set<String> optionKeys, PlanLoader loader, RayDeps deps) {
        this.kind = kind;
        this.optionKeys = optionKeys;
        this.loader = loader;
        this.deps = deps;
    }

    @Override
    public final PhaseKind kind() {
        return kind;
    }

    @Override
    public final List<OptionViolation> validate(JobRequest request, ClusterTargets targets) {
        return BootstrapOptions.validate(request.options(), optionKeys);
    }

    @Override
    public final JobPlan plan(JobRequest request, ClusterTargets targets) {
        return plan(loader.load(request.clusterId(), request.options()));
    }

    /** The steps of this phase over the cluster's plan. */
    abstract JobPlan plan(BootstrapPlan plan);

    @Override
    public final void onJobFinished(FinishedJob job) {
        BootstrapPlan plan = loader.load(job.job().clusterId(), job.job().options());
        loader.saveRunbook(plan, job);
        onJobFinished(plan, job);
    }

    /** What the end of the job means for the cluster's Ray state; the runbook is already saved. */
    abstract void onJobFinished(BootstrapPlan plan, FinishedJob job);
}
