package dev.ascendcp.deploy;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.OptionViolation;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.jobs.TargetNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * DEPLOY = VERIFY → BOOTSTRAP → SERVE in one job. Each sub-phase contributes its own stages, its step names prefixed
 * with the sub-phase ({@code verify/collect}) so that the step grid shows them; a gate step on the head between two
 * sub-phases marks where the next one starts, which happens only when the one before passed. Any failure stops the
 * whole job: a phase that did not pass on one node must not go on to start Ray or vLLM on the others.
 */
@Component
class DeployPhase implements Phase {

    static final List<PhaseKind> SEQUENCE = List.of(PhaseKind.VERIFY, PhaseKind.BOOTSTRAP, PhaseKind.SERVE);

    /** The options of each sub-phase (API.md); a Deploy takes their union and hands each phase its own. */
    static final Map<PhaseKind, Set<String>> OPTIONS = Map.of(
            PhaseKind.VERIFY, Set.of("pingStrategy", "pingCount"),
            PhaseKind.BOOTSTRAP, Set.of("requireVerified", "pull", "force"),
            PhaseKind.SERVE, Set.of("quantizationCheck"));

    private final ObjectProvider<Phase> phases;

    DeployPhase(ObjectProvider<Phase> phases) {
        this.phases = phases;
    }

    @Override
    public PhaseKind kind() {
        return PhaseKind.DEPLOY;
    }

    @Override
    public List<OptionViolation> validate(JobRequest request, ClusterTargets targets) {
        List<OptionViolation> violations = new ArrayList<>();
        for (String key : request.options().keySet()) {
            if (OPTIONS.values().stream().noneMatch(keys -> keys.contains(key))) {
                violations.add(new OptionViolation(
                        "options." + key, "unknown", "is not an option of VERIFY, BOOTSTRAP or SERVE"));
            }
        }
        for (PhaseKind kind : SEQUENCE) {
            Optional<Phase> phase = phase(kind);
            if (phase.isEmpty()) {
                violations.add(new OptionViolation(
                        "phase", "phase-not-available", "DEPLOY needs the " + kind + " phase, which is not installed"));
            } else {
                violations.addAll(phase.get().validate(as(request, kind), targets));
            }
        }
        return violations;
    }

    @Override
    public JobPlan plan(JobRequest request, ClusterTargets targets) {
        JobPlan.Builder builder = JobPlan.builder();
        TargetNode head = targets.nodes().get(0);
        boolean first = true;
        for (PhaseKind kind : SEQUENCE) {
            Phase phase = phase(kind).orElseThrow();
            if (!first) {
                builder.thenStage().step(head, prefix(kind) + "gate", gate(previous(kind)));
            }
            JobRequest subRequest = as(request, kind);
            for (List<JobPlan.PlannedStep> stage :
                    phase.plan(subRequest, targets).stages()) {
                if (!first) {
                    builder.thenStage();
                }
                first = false;
                for (JobPlan.PlannedStep step : stage) {
                    builder.step(step.node(), prefix(kind) + step.name(), step.timeout(), inSubPhase(step, subRequest));
                }
            }
        }
        return builder.build();
    }

    @Override
    public boolean stopsJob(String stepName, TargetNode node, StepOutcome outcome) {
        return true;
    }

    @Override
    public void onJobFinished(FinishedJob job) {
        for (PhaseKind kind : SEQUENCE) {
            phase(kind).ifPresent(phase -> phase.onJobFinished(job));
        }
    }

    static String prefix(PhaseKind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + "/";
    }

    private static PhaseKind previous(PhaseKind kind) {
        return SEQUENCE.get(SEQUENCE.indexOf(kind) - 1);
    }

    /**
     * The boundary between two sub-phases, visible in the step grid. It runs only when every step before it
     * succeeded, since any failure stops a Deploy (a verification whose verdict is FAILED fails its ping steps).
     */
    private static StepAction gate(PhaseKind passed) {
        return context -> {
            context.log(LogStream.SYSTEM, passed + " passed on every node");
            return StepOutcome.succeeded(passed + " passed");
        };
    }

    private static StepAction inSubPhase(JobPlan.PlannedStep step, JobRequest subRequest) {
        return context -> step.action().run(new SubPhaseContext(context, step.name(), subRequest.options()));
    }

    /**
     * The request a sub-phase is planned with. Bootstrap's own "last verification passed" check is off: inside a
     * Deploy the gate before it has just judged this job's verification, which is stored only when the job ends.
     */
    private static JobRequest as(JobRequest request, PhaseKind kind) {
        Map<String, Object> options = new HashMap<>();
        request.options().forEach((key, value) -> {
            if (OPTIONS.get(kind).contains(key)) {
                options.put(key, value);
            }
        });
        if (kind == PhaseKind.BOOTSTRAP) {
            options.put("requireVerified", false);
        }
        return new JobRequest(
                request.clusterId(), kind, options, request.requestedBy(), request.retryOf(), request.nodeIds());
    }

    private Optional<Phase> phase(PhaseKind kind) {
        return phases.stream().filter(phase -> phase.kind() == kind).findFirst();
    }
}
