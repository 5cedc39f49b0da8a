package dev.ascendcp.serving;

import dev.ascendcp.ssh.Cancellation;
import dev.ascendcp.ssh.ExecOptions;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.RemoteExecutor;
import dev.ascendcp.ssh.SshTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The vLLM process on a head node, driven over SSH: launch, pid, log, liveness and stop. */
@Component
class VllmRemote {

    /** New log lines since the last poll and whether the process still runs. */
    record Poll(List<String> lines, boolean alive, boolean reached) {}

    private static final Duration SHORT = Duration.ofSeconds(60);

    private final RemoteExecutor executor;
    private final VllmCommands commands;
    private final ServingProperties properties;

    VllmRemote(RemoteExecutor executor, ServingProperties properties) {
        this.executor = executor;
        this.properties = properties;
        this.commands = new VllmCommands(properties);
    }

    VllmCommands commands() {
        return commands;
    }

    ExecResult run(SshTarget head, RemoteCommand command, Cancellation cancellation) {
        return executor.execute(
                head, command, ExecOptions.defaults().withTimeout(SHORT).withCancellation(cancellation));
    }

    /** The pid written by the launch script, waiting up to {@code wait} for it to appear. */
    OptionalLong pid(SshTarget head, String container, Duration wait, Cancellation cancellation)
            throws InterruptedException {
        Instant until = Instant.now().plus(wait);
        while (true) {
            ExecResult result = run(head, commands.readPid(container), cancellation);
            String text = result.stdout().text().strip();
            if (result.succeeded() && text.matches("[0-9]{1,10}")) {
                return OptionalLong.of(Long.parseLong(text));
            }
            if (!Instant.now().isBefore(until) || cancellation.isCancelled()) {
                return OptionalLong.empty();
            }
            Thread.sleep(200);
        }
    }

    Poll poll(SshTarget head, String container, long pid, long fromLine, Cancellation cancellation) {
        ExecResult result = run(head, commands.poll(container, pid, fromLine), cancellation);
        List<String> lines = new ArrayList<>(result.stdout().text().lines().toList());
        boolean reached = result.exitCode() != null;
        boolean alive = !reached;
        if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith(VllmCommands.STATE_MARKER)) {
            alive = lines.remove(lines.size() - 1).endsWith("alive");
        }
        return new Poll(lines, alive, reached);
    }

    List<String> tail(SshTarget head, String container, Cancellation cancellation) {
        ExecResult result = run(head, commands.tail(container, properties.logTailLines()), cancellation);
        return result.stdout().text().lines().toList();
    }

    boolean alive(SshTarget head, String container, long pid) {
        return run(head, commands.alive(container, pid), new Cancellation()).succeeded();
    }

    /** Stops the vLLM the control plane started (SIGTERM, then SIGKILL after the grace); says what it did. */
    String stop(SshTarget head, String container) throws InterruptedException {
        Cancellation none = new Cancellation();
        OptionalLong pid = pid(head, container, Duration.ZERO, none);
        if (pid.isEmpty()) {
            return "no vLLM started by the control plane runs in " + container;
        }
        long p = pid.getAsLong();
        if (!alive(head, container, p)) {
            run(head, commands.forgetPid(container), none);
            return "vLLM (pid " + p + ") had already exited";
        }
        run(head, commands.signal(container, p, "TERM"), none);
        Instant until = Instant.now().plus(properties.stopGrace());
        while (alive(head, container, p)) {
            if (!Instant.now().isBefore(until)) {
                run(head, commands.signal(container, p, "KILL"), none);
                run(head, commands.forgetPid(container), none);
                return "vLLM (pid " + p + ") killed after "
                        + properties.stopGrace().toSeconds() + " s";
            }
            Thread.sleep(250);
        }
        run(head, commands.forgetPid(container), none);
        return "vLLM (pid " + p + ") stopped";
    }
}
