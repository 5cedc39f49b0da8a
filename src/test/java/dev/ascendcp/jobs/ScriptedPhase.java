package dev.ascendcp.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A VERIFY phase whose plan each test scripts per cluster. Its option rule: {@code pingCount} is an integer ≥ 1.
 * Steps whose name starts with {@code critical} stop the whole job when they fail.
 */
public class ScriptedPhase implements Phase {

    private final Map<UUID, BiFunction<JobRequest, ClusterTargets, JobPlan>> scripts = new ConcurrentHashMap<>();
    public final List<FinishedJob> finished = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void script(UUID clusterId, BiFunction<JobRequest, ClusterTargets, JobPlan> script) {
        scripts.put(clusterId, script);
    }

    /** Every node runs the same action for each step name, in one stage. */
    public void script(UUID clusterId, StepAction action, String... steps) {
        script(clusterId, (request, targets) -> {
            JobPlan.Builder plan = JobPlan.builder();
            for (String step : steps) {
                plan.stepOnEach(targets.nodes(), step, action);
            }
            return plan.build();
        });
    }

    @Override
    public PhaseKind kind() {
        return PhaseKind.VERIFY;
    }

    @Override
    public List<OptionViolation> validate(JobRequest request, ClusterTargets targets) {
        List<OptionViolation> violations = new ArrayList<>();
        Object count = request.options().get("pingCount");
        if (count != null && (!(count instanceof Integer n) || n < 1)) {
            violations.add(new OptionViolation("options.pingCount", "min", "must be an integer of at least 1"));
        }
        return violations;
    }

    @Override
    public JobPlan plan(JobRequest request, ClusterTargets targets) {
        return scripts.getOrDefault(
                        request.clusterId(),
                        (r, t) -> JobPlan.builder()
                                .stepOnEach(t.nodes(), "noop", ctx -> StepOutcome.succeeded())
                                .build())
                .apply(request, targets);
    }

    @Override
    public boolean stopsJob(String stepName, TargetNode node, StepOutcome outcome) {
        return stepName.startsWith("critical");
    }

    @Override
    public void onJobFinished(FinishedJob job) {
        finished.add(job);
    }
}
