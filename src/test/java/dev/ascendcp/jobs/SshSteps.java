package dev.ascendcp.jobs;

import dev.ascendcp.ssh.Cancellation;
import dev.ascendcp.ssh.ExecOptions;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.ssh.FailureReason;
import dev.ascendcp.ssh.OutputSink;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.RemoteExecutor;
import dev.ascendcp.ssh.SshTarget;
import java.util.UUID;
import java.util.function.Function;

/**
 * Step actions that run a real command over SSH, as a phase does: the target comes from a lookup (the inventory's
 * {@code NodeSshTargets} in the simulator tests), the command is logged as {@code $ <command>}, its output streams
 * into the job log, a cancel or timeout of the step kills it, and the result becomes the step's outcome ({@code
 * hccn_tool is busy}, a refused or broken connection and a connect timeout are transient).
 */
public final class SshSteps {

    private final RemoteExecutor executor;
    private final Function<UUID, SshTarget> targets;

    public SshSteps(RemoteExecutor executor, Function<UUID, SshTarget> targets) {
        this.executor = executor;
        this.targets = targets;
    }

    /** Runs {@code command} on the step's node. */
    public StepAction run(RemoteCommand command) {
        return context -> {
            SshTarget target = targets.apply(context.node().nodeId());
            Cancellation cancellation = new Cancellation();
            context.onCancel(cancellation::cancel);
            context.log(LogStream.SYSTEM, "$ " + command.forLog());
            ExecResult result = executor.execute(
                    target,
                    command,
                    ExecOptions.defaults()
                            .withTimeout(context.stepTimeout())
                            .withDeadline(context.jobDeadline())
                            .withCancellation(cancellation)
                            .withSink((stream, line) -> context.log(
                                    stream == OutputSink.Stream.STDOUT ? LogStream.STDOUT : LogStream.STDERR, line)));
            return outcome(result);
        };
    }

    static StepOutcome outcome(ExecResult result) {
        FailureReason reason = result.failureReason();
        if (reason == null) {
            return StepOutcome.succeeded();
        }
        String message =
                result.failure() == null ? reason.name() : result.failure().message();
        if (reason == FailureReason.NON_ZERO_EXIT
                && (result.stderr().text() + result.stdout().text()).contains("is busy, please try again")) {
            return StepOutcome.transientFailure("TOOL_BUSY", message, result.exitCode());
        }
        if (reason == FailureReason.IO || reason == FailureReason.CONNECT_TIMEOUT) {
            return StepOutcome.transientFailure(reason.name(), message, null);
        }
        return StepOutcome.failed(reason.name(), message, result.exitCode());
    }
}
