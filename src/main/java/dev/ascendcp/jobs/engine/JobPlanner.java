package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.InvalidJobRequestException;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.JobTargets;
import dev.ascendcp.jobs.OptionViolation;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.UnknownClusterException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Turns a request into a plan: cluster lookup (404), phase lookup and options validation (422), planning. */
@Component
public class JobPlanner {

    private final PhaseRegistry phases;
    private final JobTargets targets;

    JobPlanner(PhaseRegistry phases, ObjectProvider<JobTargets> targets) {
        this.phases = phases;
        this.targets = targets.getIfAvailable(() -> clusterId -> Optional.empty());
    }

    public PreparedJob prepare(JobRequest request) {
        ClusterTargets cluster = targets.forCluster(request.clusterId())
                .orElseThrow(() -> UnknownClusterException.forId(request.clusterId()));
        Phase phase = phases.get(request.phase());
        ClusterTargets covered = cluster.restrictedTo(request.nodeIds());
        List<OptionViolation> violations = phase.validate(request, covered);
        if (!violations.isEmpty()) {
            throw InvalidJobRequestException.invalidOptions(request.phase(), violations);
        }
        JobPlan plan = phase.plan(request, covered);
        if (plan.stepCount() == 0) {
            throw InvalidJobRequestException.noNodes(request.phase());
        }
        return new PreparedJob(request, phase, covered, plan);
    }
}
