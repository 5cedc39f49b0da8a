package dev.ascendcp.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The steps of a job, in stages: stage k starts only when stage k-1 has ended on every node (a barrier, e.g. the Ray
 * head first, then the workers). Within a stage each node runs its steps in the order given, nodes in parallel.
 */
public record JobPlan(
        List<List<PlannedStep>> stages, @Nullable Duration deadline) {

    public JobPlan {
        stages = stages.stream().map(List::copyOf).filter(s -> !s.isEmpty()).toList();
    }

    /** One step of one node; {@code timeout} overrides {@code ascendcp.jobs.step-timeout} when set. */
    public record PlannedStep(
            TargetNode node, String name, @Nullable Duration timeout, StepAction action) {}

    public static Builder builder() {
        return new Builder();
    }

    public int stepCount() {
        return stages.stream().mapToInt(List::size).sum();
    }

    /** Builds a plan stage by stage. */
    public static final class Builder {

        private final List<List<PlannedStep>> stages = new ArrayList<>();
        private @Nullable Duration deadline;

        private Builder() {
            stages.add(new ArrayList<>());
        }

        /** Adds a step to the current stage. */
        public Builder step(TargetNode node, String name, StepAction action) {
            return step(node, name, null, action);
        }

        /** Adds a step with its own timeout to the current stage. */
        public Builder step(TargetNode node, String name, @Nullable Duration timeout, StepAction action) {
            stages.get(stages.size() - 1).add(new PlannedStep(node, name, timeout, action));
            return this;
        }

        /** A deadline for this job shorter (or longer) than {@code ascendcp.jobs.deadline}. */
        public Builder deadline(Duration jobDeadline) {
            this.deadline = jobDeadline;
            return this;
        }

        /** Adds the same step for each node to the current stage. */
        public Builder stepOnEach(List<TargetNode> nodes, String name, StepAction action) {
            nodes.forEach(node -> step(node, name, action));
            return this;
        }

        /** Starts a new stage: what follows runs after everything added so far. */
        public Builder thenStage() {
            stages.add(new ArrayList<>());
            return this;
        }

        public JobPlan build() {
            return new JobPlan(stages, deadline);
        }
    }
}
