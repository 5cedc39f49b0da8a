package dev.ascendcp.ssh;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command on one session: sends the wire form, pumps both output streams, waits for the end, the timeout or a
 * cancel, and on the latter two kills the remote process group from a second session.
 */
final class CommandRun {

    private static final Logger log = LoggerFactory.getLogger(CommandRun.class);
    private static final String SUDO_PASSWORD_REQUIRED = "sudo: a password is required";

    private final ExecutorService io;
    private final SshProperties properties;
    private final SshTarget target;
    private final RemoteCommand command;
    private final ExecOptions options;
    private final Instant started;
    private final Object sinkLock = new Object();

    CommandRun(
            ExecutorService io,
            SshProperties properties,
            SshTarget target,
            RemoteCommand command,
            ExecOptions options,
            Instant started) {
        this.io = io;
        this.properties = properties;
        this.target = target;
        this.command = command;
        this.options = options;
        this.started = started;
    }

    ExecResult run(SSHClient client) throws StaleConnectionException {
        Session session;
        Session.Command remote;
        try {
            session = client.startSession();
        } catch (IOException e) {
            if (!client.isConnected()) {
                throw new StaleConnectionException(e);
            }
            return failed(ExecFailure.of(
                    FailureReason.IO, "cannot open a session on " + target.id() + ": " + e.getMessage()));
        }
        try {
            try {
                remote = session.exec(WireForm.command(command.render(), target.sudo()));
            } catch (IOException e) {
                if (!client.isConnected()) {
                    throw new StaleConnectionException(e);
                }
                return failed(ExecFailure.of(
                        FailureReason.IO, "cannot start the command on " + target.id() + ": " + e.getMessage()));
            }
            log.debug("Running on {}: {}", target.id(), command.forLog());
            return await(client, remote);
        } finally {
            closeQuietly(session);
        }
    }

    private ExecResult await(SSHClient client, Session.Command remote) {
        int head = options.headBytes() != null ? options.headBytes() : properties.outputHeadBytes();
        int tail = options.tailBytes() != null ? options.tailBytes() : properties.outputTailBytes();
        StreamPump out = new StreamPump(
                OutputSink.Stream.STDOUT, head, tail, properties.maxLineLength(), options.sink(), sinkLock);
        StreamPump err = new StreamPump(
                OutputSink.Stream.STDERR, head, tail, properties.maxLineLength(), options.sink(), sinkLock);
        CompletableFuture<Void> done = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> out.pump(remote.getInputStream()), io),
                CompletableFuture.runAsync(() -> err.pump(remote.getErrorStream()), io));
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Deadline deadline = Deadline.of(Instant.now(), options, properties);
        FailureReason stop = null;
        boolean interrupted = false;
        try (AutoCloseable registration = options.cancellation().onCancel(() -> cancelled.complete(null))) {
            try {
                CompletableFuture.anyOf(done, cancelled).get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
                if (!done.isDone()) {
                    stop = FailureReason.CANCELLED;
                }
            } catch (TimeoutException e) {
                stop = FailureReason.COMMAND_TIMEOUT;
            } catch (InterruptedException e) {
                interrupted = true;
                stop = FailureReason.CANCELLED;
            }
            if (stop != null) {
                OptionalLong group = kill(client, remote, out);
                closeQuietly(remote);
                waitQuietly(done, Duration.ofSeconds(3));
                return stopped(stop, deadline, group, out, err);
            }
            remote.join(5, TimeUnit.SECONDS);
            return finished(remote, out, err);
        } catch (Exception e) {
            return result(
                    null,
                    out,
                    err,
                    ExecFailure.of(FailureReason.IO, "the command on " + target.id() + " failed: " + e.getMessage()));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private OptionalLong kill(SSHClient client, Session.Command remote, StreamPump out) {
        OptionalLong group = waitForGroup(out);
        if (group.isEmpty()) {
            log.warn("No process group known for the command on {}; closing its channel only", target.id());
            try {
                remote.signal(Signal.KILL);
            } catch (IOException e) {
                log.debug("Signal not delivered to {}", target.id(), e);
            }
            return group;
        }
        try (Session session = client.startSession()) {
            Session.Command kill = session.exec(WireForm.kill(group.getAsLong(), target.sudo()));
            kill.join(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("Could not kill process group {} on {}: {}", group.getAsLong(), target.id(), e.getMessage());
        }
        return group;
    }

    private static OptionalLong waitForGroup(StreamPump out) {
        try {
            return out.processGroup().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out.processGroup().getNow(OptionalLong.empty());
        } catch (ExecutionException | TimeoutException e) {
            return OptionalLong.empty();
        }
    }

    private ExecResult stopped(
            FailureReason reason, Deadline deadline, OptionalLong group, StreamPump out, StreamPump err) {
        String killed =
                group.isPresent() ? "process group " + group.getAsLong() + " was killed" : "its channel was closed";
        String message = reason == FailureReason.CANCELLED
                ? "the command on " + target.id() + " was cancelled; " + killed
                : "the command on " + target.id() + " " + deadline.describe() + "; " + killed;
        return result(null, out, err, ExecFailure.of(reason, message));
    }

    private ExecResult finished(Session.Command remote, StreamPump out, StreamPump err) {
        Integer exit = remote.getExitStatus();
        IOException broken = out.failure() != null ? out.failure() : err.failure();
        if (exit == null) {
            Signal signal = remote.getExitSignal();
            String why = signal != null
                    ? "the command on " + target.id() + " was ended by signal " + signal
                    : "the connection to " + target.id() + " was lost while the command ran"
                            + (broken == null ? "" : ": " + broken.getMessage());
            return result(
                    null,
                    out,
                    err,
                    ExecFailure.of(signal != null ? FailureReason.NON_ZERO_EXIT : FailureReason.IO, why));
        }
        if (exit == 0) {
            return result(exit, out, err, null);
        }
        return result(exit, out, err, ExecFailure.of(FailureReason.NON_ZERO_EXIT, exitMessage(exit, err.captured())));
    }

    private String exitMessage(int exit, CapturedOutput stderr) {
        String text = stderr.text();
        if (target.sudo() && text.contains(SUDO_PASSWORD_REQUIRED)) {
            return SUDO_PASSWORD_REQUIRED + ": user " + target.username() + " may not run sudo without a password on "
                    + target.id() + " (exit " + exit + ")";
        }
        String last = lastLine(text);
        return "the command on " + target.id() + " exited with " + exit + (last.isEmpty() ? "" : ": " + last);
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        String last = trimmed.substring(trimmed.lastIndexOf('\n') + 1).strip();
        return last.length() > 300 ? last.substring(0, 300) + "..." : last;
    }

    private ExecResult result(@Nullable Integer exit, StreamPump out, StreamPump err, @Nullable ExecFailure failure) {
        return new ExecResult(exit, out.captured(), err.captured(), Duration.between(started, Instant.now()), failure);
    }

    private ExecResult failed(ExecFailure failure) {
        return ExecResult.failed(failure, Duration.between(started, Instant.now()));
    }

    private static void waitQuietly(CompletableFuture<?> future, Duration max) {
        try {
            future.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The streams end when the channel is closed; a late end only delays nothing but the log.
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed by the server or by a kill.
        }
    }
}
