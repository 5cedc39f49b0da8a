package dev.ascendcp.ssh;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RemoteExecutor} on sshj: pooled connections per target, host keys pinned by
 * {@link PinningHostKeyVerifier}, commands in the shared wire form, bounded output.
 */
final class SshjRemoteExecutor implements RemoteExecutor, PortForwarder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SshjRemoteExecutor.class);

    private final SshProperties properties;
    private final HostKeyListener defaultListener;
    private final SshConnectionPool pool;
    private final ExecutorService io = Executors.newCachedThreadPool(daemonThreads("ssh-output-"));
    /** Runs the kills of stopped commands, away from their (possibly interrupted) threads; idle threads end. */
    private final ExecutorService killer = Executors.newCachedThreadPool(daemonThreads("ssh-kill-"));

    private final ScheduledExecutorService housekeeping =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("ssh-idle-close-"));
    private final ScheduledExecutorService watchdogs =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("ssh-connect-watchdog-"));

    SshjRemoteExecutor(SshProperties properties, HostKeyListener defaultListener) {
        this.properties = properties;
        this.defaultListener = defaultListener;
        this.pool = new SshConnectionPool(new SshjConnector(properties, watchdogs), properties.idleClose());
        long period = Math.max(200, Math.min(30_000, properties.idleClose().toMillis() / 2));
        housekeeping.scheduleWithFixedDelay(pool::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public ExecResult execute(SshTarget target, RemoteCommand command, ExecOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(options, "options");
        Instant started = Instant.now();
        if (options.cancellation().isCancelled()) {
            return failedAt(started, FailureReason.CANCELLED, "cancelled before the command started on " + target.id());
        }
        if (Thread.currentThread().isInterrupted()) {
            // Cancelled by interrupt before it started; the flag stays set for the caller.
            return failedAt(
                    started, FailureReason.CANCELLED, "interrupted before the command started on " + target.id());
        }
        if (options.deadline() != null && !started.isBefore(options.deadline())) {
            return failedAt(
                    started,
                    FailureReason.COMMAND_TIMEOUT,
                    "the overall deadline passed before the command started on " + target.id());
        }
        HostKeyListener listener = options.hostKeyListener() != null ? options.hostKeyListener() : defaultListener;
        for (int attempt = 1; ; attempt++) {
            SshConnectionPool.Lease lease;
            try {
                lease = pool.acquire(target, listener);
            } catch (ConnectFailedException e) {
                log.warn("SSH to {} failed: {}", target.id(), e.failure().message());
                return ExecResult.failed(e.failure(), Duration.between(started, Instant.now()));
            }
            try {
                return new CommandRun(io, killer, properties, target, command, options, started)
                        .run(lease.connection().client());
            } catch (StaleConnectionException e) {
                pool.discard(lease);
                if (attempt >= 2) {
                    return failedAt(
                            started,
                            FailureReason.IO,
                            "the connection to " + target.id() + " broke: " + e.getMessage());
                }
                log.info("SSH connection to {} was dead; reconnecting", target.id());
            } catch (RuntimeException e) {
                log.error("Unexpected failure running a command on {}", target.id(), e);
                pool.discard(lease);
                return failedAt(started, FailureReason.IO, "unexpected failure on " + target.id() + ": " + e);
            } finally {
                pool.release(lease);
            }
        }
    }

    @Override
    public LocalForward forward(SshTarget target, String remoteHost, int remotePort) {
        Objects.requireNonNull(target, "target");
        SshNames.host(remoteHost);
        SshNames.port(remotePort);
        SshConnectionPool.Lease lease;
        try {
            lease = pool.acquire(target, defaultListener);
        } catch (ConnectFailedException e) {
            throw new ForwardFailedException(e.failure());
        }
        try {
            return SshjLocalForward.open(pool, lease, remoteHost, remotePort);
        } catch (java.io.IOException | RuntimeException e) {
            pool.release(lease);
            throw new ForwardFailedException(ExecFailure.of(
                    FailureReason.IO,
                    "cannot forward a local port to " + remoteHost + ":" + remotePort + " via " + target.id() + ": "
                            + e.getMessage()));
        }
    }

    /** How many connections were opened for {@code targetId} since start (connection reuse is observable). */
    long connectionsOpened(String targetId) {
        return pool.connectionsOpened(targetId);
    }

    int openConnections() {
        return pool.openConnections();
    }

    void breakConnection(String targetId) {
        pool.breakConnection(targetId);
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        watchdogs.shutdownNow();
        pool.close();
        killer.shutdownNow();
        io.shutdownNow();
    }

    private static ExecResult failedAt(Instant started, FailureReason reason, String message) {
        return ExecResult.failed(ExecFailure.of(reason, message), Duration.between(started, Instant.now()));
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
