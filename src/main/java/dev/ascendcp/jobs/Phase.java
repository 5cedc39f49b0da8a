package dev.ascendcp.jobs;

import java.util.List;

/**
 * One kind of job (Verify, Bootstrap, …), registered by declaring it as a Spring bean. The engine asks it to validate
 * options before anything is stored, to plan the steps, and tells it how the job ended.
 */
public interface Phase {

    PhaseKind kind();

    /**
     * Checks the options before the job is created; each violation names its rule. Non-empty ⇒ 422 and nothing runs.
     */
    default List<OptionViolation> validate(JobRequest request, ClusterTargets targets) {
        return List.of();
    }

    /**
     * The steps to run. {@code targets} holds only the nodes this job covers (for a retry: the failed nodes).
     */
    JobPlan plan(JobRequest request, ClusterTargets targets);

    /** Whether this failed step must stop the whole job (other nodes included) rather than only its own node. */
    default boolean stopsJob(String stepName, TargetNode node, StepOutcome outcome) {
        return false;
    }

    /** Called once, outside any transaction, after the job reached a terminal status (not after an interruption). */
    default void onJobFinished(FinishedJob job) {}
}
