package dev.ascendcp.ray;

import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.ssh.Cancellation;
import dev.ascendcp.ssh.ExecOptions;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.ssh.OutputSink;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.RemoteExecutor;
import dev.ascendcp.ssh.SshTarget;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the commands of one step on its node: each is logged as {@code $ <command>} (secrets masked) and kept in the
 * job's runbook, bound by the step's cancellation and the job's deadline; {@code stream} sends its output to the log.
 */
final class NodeShell {

    private static final String RUNBOOK = "ray.runbook.";

    private final RemoteExecutor executor;
    private final SshTarget target;
    private final StepContext context;
    private final Cancellation cancellation = new Cancellation();

    NodeShell(RemoteExecutor executor, SshTarget target, StepContext context) {
        this.executor = executor;
        this.target = target;
        this.context = context;
        context.onCancel(cancellation::cancel);
    }

    ExecResult run(RemoteCommand command, Duration timeout) {
        return run(command, timeout, false);
    }

    /** Runs and shows the output lines in the job log as they come. */
    ExecResult stream(RemoteCommand command, Duration timeout) {
        return run(command, timeout, true);
    }

    private ExecResult run(RemoteCommand command, Duration timeout, boolean stream) {
        String shown = command.forLog();
        context.log(LogStream.SYSTEM, "$ " + shown);
        runbook(context, context.node().nodeId()).add(shown);
        OutputSink sink = stream
                ? (s, line) -> context.log(s == OutputSink.Stream.STDOUT ? LogStream.STDOUT : LogStream.STDERR, line)
                : OutputSink.NONE;
        return executor.execute(
                target,
                command,
                ExecOptions.defaults()
                        .withTimeout(timeout)
                        .withDeadline(context.jobDeadline())
                        .withSink(sink)
                        .withCancellation(cancellation));
    }

    void log(String line) {
        context.log(LogStream.SYSTEM, line);
    }

    /** The commands this job ran on a node so far, in order. */
    @SuppressWarnings("unchecked")
    static List<String> runbook(StepContext context, UUID nodeId) {
        return (List<String>)
                context.attributes().computeIfAbsent(RUNBOOK + nodeId, k -> new CopyOnWriteArrayList<String>());
    }

    static String runbookKey(UUID nodeId) {
        return RUNBOOK + nodeId;
    }

    /** The last non-blank line of a failed command's output, for a one-line message. */
    static String lastLine(ExecResult result) {
        String text = (result.stdout().text() + "\n" + result.stderr().text()).strip();
        if (result.failure() != null && text.isEmpty()) {
            return result.failure().message();
        }
        String[] lines = result.stderr().text().isBlank()
                ? text.split("\\R")
                : result.stderr().text().strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}
