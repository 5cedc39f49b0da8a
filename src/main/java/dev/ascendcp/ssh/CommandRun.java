package dev.ascendcp.ssh;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
 *
 * <p>The kill does not depend on the interrupt state of the thread running the command: sshj's blocking calls throw
 * when that thread is interrupted, and a caller that cancels by interrupting (as {@code Future.cancel(true)} does)
 * would otherwise leave the remote processes running. So the kill session runs on the executor's kill threads, the
 * command's thread waits for it (and for the output to end) for a bounded time whatever interrupts arrive, and its
 * interrupt flag is restored afterwards.
 */
final class CommandRun {

    private static final Logger log = LoggerFactory.getLogger(CommandRun.class);
    private static final String SUDO_PASSWORD_REQUIRED = "sudo: a password is required";
    /** How long the command's thread waits for the kill: opening its session, TERM, one second, KILL. */
    static final Duration KILL_WAIT = Duration.ofSeconds(15);

    private final ExecutorService io;
    private final ExecutorService killer;
    private final SshProperties properties;
    private final SshTarget target;
    private final RemoteCommand command;
    private final ExecOptions options;
    private final Instant started;
    private final Object sinkLock = new Object();
    /** Whether the command's thread was interrupted while it stopped the command (restored at the end). */
    private boolean interrupted;

    CommandRun(
            ExecutorService io,
            ExecutorService killer,
            SshProperties properties,
            SshTarget target,
            RemoteCommand command,
            ExecOptions options,
            Instant started) {
        this.io = io;
        this.killer = killer;
        this.properties = properties;
        this.target = target;
        this.command = command;
        this.options = options;
        this.started = started;
    }

    ExecResult run(SSHClient client) throws StaleConnectionException {
        try {
            return start(client);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Started(Session session, Session.Command remote) {}

    /** Why the command could not be started: a broken connection, or a failure to report. */
    private static final class StartFailed extends RuntimeException {
        private final transient @Nullable IOException stale;
        private final transient @Nullable ExecFailure failure;

        StartFailed(@Nullable IOException stale, @Nullable ExecFailure failure) {
            super(null, null, false, false);
            this.stale = stale;
            this.failure = failure;
        }
    }

    /**
     * Opens the session and sends the command from an output thread, so that an interrupt of the command's thread
     * cannot cut the exec short after the server got it (which would leave an unkillable command running); an
     * interrupt that came meanwhile stops the command as soon as it runs.
     */
    private ExecResult start(SSHClient client) throws StaleConnectionException {
        CompletableFuture<Started> starting = CompletableFuture.supplyAsync(() -> open(client), io);
        Duration bound = properties.connectTimeout().multipliedBy(2).plusSeconds(5);
        if (!awaitUninterruptibly(starting, bound)) {
            starting.thenAccept(late -> closeQuietly(late.session()));
            return failed(ExecFailure.of(
                    FailureReason.IO, "starting the command on " + target.id() + " took longer than " + bound));
        }
        Started started;
        try {
            started = starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StartFailed failed) {
                if (failed.stale != null) {
                    throw new StaleConnectionException(failed.stale);
                }
                return failed(java.util.Objects.requireNonNull(failed.failure));
            }
            throw e;
        }
        try {
            log.debug("Running on {}: {}", target.id(), command.forLog());
            return await(client, started.remote());
        } finally {
            closeQuietly(started.session());
        }
    }

    private Started open(SSHClient client) {
        Session session;
        try {
            session = client.startSession();
        } catch (IOException e) {
            throw new StartFailed(
                    client.isConnected() ? null : e,
                    ExecFailure.of(
                            FailureReason.IO, "cannot open a session on " + target.id() + ": " + e.getMessage()));
        }
        try {
            return new Started(session, session.exec(WireForm.command(command.render(), target.sudo())));
        } catch (IOException e) {
            closeQuietly(session);
            throw new StartFailed(
                    client.isConnected() ? null : e,
                    ExecFailure.of(
                            FailureReason.IO, "cannot start the command on " + target.id() + ": " + e.getMessage()));
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
        try (AutoCloseable registration = options.cancellation().onCancel(() -> cancelled.complete(null))) {
            try {
                if (interrupted) {
                    throw new InterruptedException("interrupted while the command started");
                }
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
                Killed killed = stop(client, remote, out);
                awaitUninterruptibly(done, Duration.ofSeconds(3));
                return stopped(stop, deadline, killed, out, err);
            }
            remote.join(5, TimeUnit.SECONDS);
            return finished(remote, out, err);
        } catch (Exception e) {
            return result(
                    null,
                    out,
                    err,
                    ExecFailure.of(FailureReason.IO, "the command on " + target.id() + " failed: " + e.getMessage()));
        }
    }

    /** What stopping the command achieved: the process group it had (if known) and whether the kill ran. */
    private record Killed(OptionalLong group, boolean done) {}

    /**
     * Kills the command's process group (or signals its channel when the group is unknown) from a kill thread, then
     * closes the channel; waits for that at most {@link #KILL_WAIT}, ignoring interrupts until then.
     */
    private Killed stop(SSHClient client, Session.Command remote, StreamPump out) {
        OptionalLong group = waitForGroup(out);
        CompletableFuture<Boolean> killing;
        try {
            killing = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return kill(client, remote, group);
                        } finally {
                            closeQuietly(remote);
                        }
                    },
                    killer);
        } catch (RejectedExecutionException e) {
            // The executor is shutting down; its connections close with it.
            closeQuietly(remote);
            return new Killed(group, false);
        }
        if (!awaitUninterruptibly(killing, KILL_WAIT)) {
            log.warn("Killing the command on {} did not finish within {}; closing its channel", target.id(), KILL_WAIT);
            closeQuietly(remote);
            return new Killed(group, false);
        }
        return new Killed(group, killing.getNow(false));
    }

    /** Runs on a kill thread: the wire form's kill of {@code group} from a second session. */
    private boolean kill(SSHClient client, Session.Command remote, OptionalLong group) {
        if (group.isEmpty()) {
            log.warn("No process group known for the command on {}; closing its channel only", target.id());
            try {
                remote.signal(Signal.KILL);
            } catch (IOException e) {
                log.debug("Signal not delivered to {}", target.id(), e);
            }
            return false;
        }
        try (Session session = client.startSession()) {
            Session.Command kill = session.exec(WireForm.kill(group.getAsLong(), target.sudo()));
            kill.join(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            log.warn("Could not kill process group {} on {}: {}", group.getAsLong(), target.id(), e.toString());
            return false;
        }
    }

    private OptionalLong waitForGroup(StreamPump out) {
        awaitUninterruptibly(out.processGroup(), Duration.ofSeconds(2));
        return out.processGroup().getNow(OptionalLong.empty());
    }

    /**
     * Waits for {@code future} at most {@code max}, going on waiting when interrupted (the interrupt is remembered in
     * {@link #interrupted} and restored when the command returns). Returns whether the future completed.
     */
    private boolean awaitUninterruptibly(Future<?> future, Duration max) {
        if (Thread.interrupted()) {
            interrupted = true;
        }
        long end = System.nanoTime() + max.toNanos();
        while (!future.isDone()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                future.get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                // done, failed or out of time: the loop condition tells which
            }
        }
        return true;
    }

    private ExecResult stopped(FailureReason reason, Deadline deadline, Killed kill, StreamPump out, StreamPump err) {
        OptionalLong group = kill.group();
        String killed = group.isEmpty()
                ? "its channel was closed"
                : kill.done()
                        ? "process group " + group.getAsLong() + " was killed"
                        : "killing process group " + group.getAsLong() + " failed; its channel was closed";
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

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed by the server or by a kill.
        }
    }
}
