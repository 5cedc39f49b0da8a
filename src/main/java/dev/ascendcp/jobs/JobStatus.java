package dev.ascendcp.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a job: {@code QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED}; a queued job may be cancelled; a job
 * found unfinished after its process died becomes {@code INTERRUPTED}.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    INTERRUPTED;

    /** Whether a job in this state may move to {@code next}. */
    public boolean canTransitionTo(JobStatus next) {
        return successors().contains(next);
    }

    /** A terminal job never changes again. */
    public boolean isTerminal() {
        return successors().isEmpty();
    }

    private Set<JobStatus> successors() {
        switch (this) {
            case QUEUED:
                return EnumSet.of(RUNNING, CANCELLED, INTERRUPTED);
            case RUNNING:
                return EnumSet.of(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED);
            default:
                return EnumSet.noneOf(JobStatus.class);
        }
    }
}
