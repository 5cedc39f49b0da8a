package dev.ascendcp.ray;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobError;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.Progress;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.jobs.StepStatus;
import dev.ascendcp.jobs.StepView;
import dev.ascendcp.jobs.TargetNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a phase's plan the way the job engine does (stages as barriers, a node's later steps skipped after its failure,
 * {@code stopsJob} halting the rest, {@code onJobFinished} at the end), with a fake {@link StepContext}. Used because
 * the engine on this branch does not start jobs yet (its first event is written before its job row).
 */
final class PlanRunner {

    final List<String> log = new CopyOnWriteArrayList<>();

    JobView run(Phase phase, ClusterTargets targets, Map<String, Object> options) throws InterruptedException {
        UUID jobId = UUID.randomUUID();
        JobRequest request = JobRequest.of(targets.clusterId(), phase.kind(), options, "test");
        if (!phase.validate(request, targets).isEmpty()) {
            throw new IllegalArgumentException(phase.validate(request, targets).toString());
        }
        JobPlan plan = phase.plan(request, targets);
        ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();
        List<StepView> steps = new ArrayList<>();
        Set<UUID> failed = new HashSet<>();
        String stopped = null;
        for (int stage = 0; stage < plan.stages().size(); stage++) {
            int position = 0;
            for (JobPlan.PlannedStep step : plan.stages().get(stage)) {
                StepStatus status;
                StepOutcome outcome;
                if (stopped != null || failed.contains(step.node().nodeId())) {
                    status = StepStatus.SKIPPED;
                    outcome = StepOutcome.skipped("skipped");
                } else {
                    outcome = step.action().run(context(jobId, targets, step, options, attributes));
                    status = switch (outcome.kind()) {
                        case SUCCEEDED -> StepStatus.SUCCEEDED;
                        case SKIPPED -> StepStatus.SKIPPED;
                        case FAILED -> StepStatus.FAILED;
                    };
                    if (outcome.isFailure()) {
                        failed.add(step.node().nodeId());
                        if (phase.stopsJob(step.name(), step.node(), outcome)) {
                            stopped = step.name();
                        }
                    }
                }
                steps.add(new StepView(
                        UUID.randomUUID(),
                        step.node().nodeId(),
                        step.node().nodeName(),
                        step.name(),
                        stage,
                        position++,
                        status,
                        outcome.exitCode(),
                        1,
                        null,
                        null,
                        outcome.reason(),
                        outcome.message()));
            }
        }
        StepView first = steps.stream()
                .filter(s -> s.status() == StepStatus.FAILED)
                .findFirst()
                .orElse(null);
        JobView view = new JobView(
                jobId,
                targets.clusterId(),
                targets.clusterName(),
                phase.kind(),
                first == null ? JobStatus.SUCCEEDED : JobStatus.FAILED,
                "test",
                Instant.now(),
                Instant.now(),
                Instant.now(),
                new Progress(steps.size(), steps.size()),
                first == null
                        ? null
                        : new JobError(first.reason(), first.nodeName() + ": " + first.name() + ": " + first.message()),
                options,
                null,
                steps);
        phase.onJobFinished(new FinishedJob(view, Map.copyOf(attributes)));
        return view;
    }

    private StepContext context(
            UUID jobId,
            ClusterTargets targets,
            JobPlan.PlannedStep step,
            Map<String, Object> options,
            ConcurrentMap<String, Object> attributes) {
        return new StepContext() {
            public UUID jobId() {
                return jobId;
            }

            public ClusterTargets cluster() {
                return targets;
            }

            public TargetNode node() {
                return step.node();
            }

            public String stepName() {
                return step.name();
            }

            public int attempt() {
                return 1;
            }

            public Map<String, Object> options() {
                return options;
            }

            public void log(LogStream stream, String line) {
                log.add(step.node().nodeName() + " | " + line);
            }

            public boolean isCancelled() {
                return false;
            }

            public void onCancel(Runnable callback) {}

            public Duration stepTimeout() {
                return Duration.ofMinutes(2);
            }

            public Instant jobDeadline() {
                return Instant.now().plus(Duration.ofMinutes(10));
            }

            public ConcurrentMap<String, Object> attributes() {
                return attributes;
            }
        };
    }
}
