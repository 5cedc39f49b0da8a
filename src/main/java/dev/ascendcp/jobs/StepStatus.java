package dev.ascendcp.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one step on one node: {@code PENDING → RUNNING → SUCCEEDED | FAILED | SKIPPED | CANCELLED}; a step that
 * never ran ends {@code SKIPPED} (an earlier step of its node failed, or the job stopped) or {@code CANCELLED}.
 */
public enum StepStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED,
    CANCELLED;

    /** Whether a step in this state may move to {@code next}. */
    public boolean canTransitionTo(StepStatus next) {
        return successors().contains(next);
    }

    /** A terminal step never changes again. */
    public boolean isTerminal() {
        return successors().isEmpty();
    }

    private Set<StepStatus> successors() {
        switch (this) {
            case PENDING:
                return EnumSet.of(RUNNING, SKIPPED, CANCELLED);
            case RUNNING:
                return EnumSet.of(SUCCEEDED, FAILED, SKIPPED, CANCELLED);
            default:
                return EnumSet.noneOf(StepStatus.class);
        }
    }
}
