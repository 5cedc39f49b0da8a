package dev.ascendcp.serving;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
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
 * Runs a phase's plan like the job engine does (stages in order, a failed node skips its later steps, stopsJob halts)
 * with a fake {@link StepContext}: the engine's admission fails on this branch (job_event is inserted before the job
 * row is flushed), so the Serve steps are driven directly.
 */
final class StepHarness {

    record Ran(String nodeName, String name, StepOutcome outcome) {
        String message() {
            return outcome.message();
        }
    }

    record Result(boolean succeeded, List<Ran> steps, List<String> log) {
        String logText() {
            return String.join("\n", log);
        }
    }

    private StepHarness() {}

    static Result run(Phase phase, JobRequest request, ClusterTargets targets) throws InterruptedException {
        JobPlan plan = phase.plan(request, targets);
        UUID jobId = UUID.randomUUID();
        ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();
        List<String> log = new CopyOnWriteArrayList<>();
        List<Ran> ran = new ArrayList<>();
        Set<UUID> failedNodes = new HashSet<>();
        boolean halted = false;
        for (List<JobPlan.PlannedStep> stage : plan.stages()) {
            for (JobPlan.PlannedStep step : stage) {
                if (halted || failedNodes.contains(step.node().nodeId())) {
                    ran.add(new Ran(step.node().nodeName(), step.name(), StepOutcome.skipped("skipped")));
                    continue;
                }
                Context context = new Context(
                        jobId,
                        targets,
                        step.node(),
                        step.name(),
                        request.options(),
                        attributes,
                        log,
                        step.timeout() == null ? Duration.ofMinutes(5) : step.timeout());
                StepOutcome outcome;
                try {
                    outcome = step.action().run(context);
                } catch (RuntimeException e) {
                    outcome = StepOutcome.failed("EXCEPTION", e.toString(), null);
                }
                ran.add(new Ran(step.node().nodeName(), step.name(), outcome));
                if (outcome.isFailure()) {
                    failedNodes.add(step.node().nodeId());
                    halted |= phase.stopsJob(step.name(), step.node(), outcome);
                }
            }
        }
        return new Result(failedNodes.isEmpty(), ran, log);
    }

    private record Context(
            UUID jobId,
            ClusterTargets cluster,
            TargetNode node,
            String stepName,
            Map<String, Object> options,
            ConcurrentMap<String, Object> attributes,
            List<String> lines,
            Duration stepTimeout)
            implements StepContext {

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public void log(LogStream stream, String line) {
            lines.add(node.nodeName() + " | " + line);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void onCancel(Runnable callback) {}

        @Override
        public Instant jobDeadline() {
            return Instant.now().plus(Duration.ofHours(1));
        }
    }
}
