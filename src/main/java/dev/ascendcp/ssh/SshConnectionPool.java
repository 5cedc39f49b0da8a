package dev.ascendcp.ssh;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH connection per target id, shared by all commands on that target (each command is a channel of its own).
 * A connection is replaced when it died or when the target's address, credentials or host-key pin changed, and closed
 * when it has been idle for the configured time.
 */
final class SshConnectionPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SshConnectionPool.class);

    private final SshjConnector connector;
    private final Duration idleClose;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> opened = new ConcurrentHashMap<>();
    private volatile boolean closed;

    SshConnectionPool(SshjConnector connector, Duration idleClose) {
        this.connector = connector;
        this.idleClose = idleClose;
    }

    /**
     * What a connection was made for; a target differing in any of these needs a new connection. Pins are not part of
     * it: a pin recorded on first use matches the live connection, a different pin is checked by {@link Slot}.
     */
    private record Identity(
            String host,
            int port,
            String username,
            SshAuth auth,
            @Nullable JumpHost jump,
            HostKeyPolicy policy) {
        static Identity of(SshTarget target) {
            return new Identity(
                    target.host(),
                    target.port(),
                    target.username(),
                    target.auth(),
                    target.jumpHost() == null ? null : target.jumpHost().withPinnedHostKey(null),
                    target.hostKeyPolicy());
        }
    }

    private static final class Slot {
        @Nullable
        SshjConnection connection;

        @Nullable
        Identity identity;

        int leases;
        long lastUsedNanos = System.nanoTime();

        boolean usableFor(SshTarget target) {
            if (connection == null
                    || !connection.isAlive()
                    || !Identity.of(target).equals(identity)) {
                return false;
            }
            HostKeyPin pin = target.pinnedHostKey();
            HostKeyPin jumpPin =
                    target.jumpHost() == null ? null : target.jumpHost().pinnedHostKey();
            return (pin == null || pin.base64().equals(connection.hostKeyBase64()))
                    && (jumpPin == null || jumpPin.base64().equals(connection.jumpHostKeyBase64()));
        }

        void closeConnection() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    /** A connection lent to one command; give it back with {@link #release}. */
    record Lease(String targetId, SshjConnection connection) {}

    Lease acquire(SshTarget target, HostKeyListener listener) throws ConnectFailedException {
        Slot slot = slots.computeIfAbsent(target.id(), id -> new Slot());
        synchronized (slot) {
            if (closed) {
                throw new ConnectFailedException(ExecFailure.of(FailureReason.IO, "the SSH executor is shut down"));
            }
            if (!slot.usableFor(target)) {
                slot.closeConnection();
                slot.identity = null;
                slot.connection = connector.connect(target, listener);
                slot.identity = Identity.of(target);
                opened.computeIfAbsent(target.id(), id -> new AtomicLong()).incrementAndGet();
            }
            slot.leases++;
            return new Lease(target.id(), Objects.requireNonNull(slot.connection));
        }
    }

    void release(Lease lease) {
        Slot slot = slots.get(lease.targetId());
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            slot.leases--;
            slot.lastUsedNanos = System.nanoTime();
        }
    }

    /** The lease's connection turned out dead: drop it so the next command reconnects. */
    void discard(Lease lease) {
        Slot slot = slots.get(lease.targetId());
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            if (slot.connection == lease.connection()) {
                slot.closeConnection();
            }
        }
    }

    /** Closes connections that are dead or have been idle longer than the idle timeout. */
    void closeIdle() {
        long now = System.nanoTime();
        slots.forEach((id, slot) -> {
            synchronized (slot) {
                if (slot.connection == null || slot.leases > 0) {
                    return;
                }
                if (!slot.connection.isAlive() || now - slot.lastUsedNanos >= idleClose.toNanos()) {
                    log.debug("Closing idle SSH connection to {}", id);
                    slot.closeConnection();
                }
            }
        });
    }

    /** How many connections were opened for {@code targetId} so far. */
    long connectionsOpened(String targetId) {
        AtomicLong count = opened.get(targetId);
        return count == null ? 0 : count.get();
    }

    /** How many connections are open right now. */
    int openConnections() {
        int count = 0;
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.connection != null) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Breaks the connection of {@code targetId} as a network failure would (for tests of reconnecting). */
    void breakConnection(String targetId) {
        Slot slot = slots.get(targetId);
        if (slot != null) {
            synchronized (slot) {
                if (slot.connection != null) {
                    SshjConnection.closeQuietly(slot.connection.client());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        slots.values().forEach(slot -> {
            synchronized (slot) {
                slot.closeConnection();
            }
        });
    }
}
