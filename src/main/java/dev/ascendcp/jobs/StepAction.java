package dev.ascendcp.jobs;

/**
 * The work of one step on one node. It runs on an engine thread outside any database transaction; it must react to
 * {@link StepContext#onCancel(Runnable)} (kill the remote command there) and to {@link Thread#interrupt()} so that a
 * cancel or a timeout stops it within seconds. On a cancel the callbacks run first; the thread is interrupted only if
 * the action still runs half the cancel grace later (at once if it registered no callback), so that the interrupt
 * does not break the callback's clean-up. Throwing an exception counts as a permanent failure.
 */
@FunctionalInterface
public interface StepAction {

    StepOutcome run(StepContext context) throws InterruptedException;
}
