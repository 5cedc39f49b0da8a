package dev.ascendcp.jobs;

/**
 * The work of one step on one node. It runs on an engine thread outside any database transaction; it must react to
 * {@link Thread#interrupt()} and to {@link StepContext#onCancel(Runnable)} (kill the remote command there) so that a
 * cancel or a timeout stops it within seconds. Throwing an exception counts as a permanent failure.
 */
@FunctionalInterface
public interface StepAction {

    StepOutcome run(StepContext context) throws InterruptedException;
}
