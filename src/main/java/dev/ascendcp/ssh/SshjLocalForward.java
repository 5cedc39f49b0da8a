package dev.ascendcp.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import net.schmizz.sshj.connection.Connection;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local port forward on a pooled sshj connection; the connection stays leased until the forward is closed.
 *
 * <p>The accept loop is our own rather than sshj's {@code LocalPortForwarder.listen()}: that one ends the whole
 * forward when a single channel cannot be opened (say the remote port is briefly not listening), so one refused
 * connection would kill a forward that the next connection could use again. Here a failed channel open closes only
 * that client's socket and the loop keeps accepting; the forward ends only when it is closed, when its listening
 * socket fails or when its SSH connection is gone (then {@link #isOpen()} is false and the caller reopens).
 */
final class SshjLocalForward implements LocalForward {

    private static final Logger log = LoggerFactory.getLogger(SshjLocalForward.class);

    private final SshConnectionPool pool;
    private final SshConnectionPool.Lease lease;
    private final ServerSocket socket;
    private final Parameters parameters;
    private volatile Thread listener;
    private volatile boolean closed;

    private SshjLocalForward(
            SshConnectionPool pool, SshConnectionPool.Lease lease, ServerSocket socket, Parameters parameters) {
        this.pool = pool;
        this.lease = lease;
        this.socket = socket;
        this.parameters = parameters;
    }

    static SshjLocalForward open(SshConnectionPool pool, SshConnectionPool.Lease lease, String remoteHost, int port)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        Parameters parameters = new Parameters("127.0.0.1", socket.getLocalPort(), remoteHost, port);
        SshjLocalForward forward = new SshjLocalForward(pool, lease, socket, parameters);
        Thread listener = new Thread(forward::listen, "ssh-forward-" + socket.getLocalPort());
        listener.setDaemon(true);
        forward.listener = listener;
        listener.start();
        return forward;
    }

    private void listen() {
        boolean failing = false;
        try {
            while (!closed) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    if (!closed) {
                        log.info("Port forward {} via {} ended: {}", localPort(), lease.targetId(), e.toString());
                    }
                    return;
                }
                if (!lease.connection().isAlive()) {
                    closeQuietly(client);
                    log.info("Port forward {} via {} ended: the SSH connection is gone", localPort(), lease.targetId());
                    return;
                }
                try {
                    carry(client);
                    failing = false;
                } catch (IOException | RuntimeException e) {
                    closeQuietly(client);
                    if (closed) {
                        return;
                    }
                    if (!lease.connection().isAlive()) {
                        log.info(
                                "Port forward {} via {} ended: the SSH connection is gone ({})",
                                localPort(),
                                lease.targetId(),
                                e.getMessage());
                        return;
                    }
                    // One refused channel (the remote port not listening yet, say) must not end the forward.
                    if (!failing) {
                        log.warn(
                                "Port forward {} via {} could not reach {}:{}: {}; still listening",
                                localPort(),
                                lease.targetId(),
                                parameters.getRemoteHost(),
                                parameters.getRemotePort(),
                                e.getMessage());
                    } else {
                        log.debug(
                                "Port forward {} via {} still cannot reach {}:{}: {}",
                                localPort(),
                                lease.targetId(),
                                parameters.getRemoteHost(),
                                parameters.getRemotePort(),
                                e.getMessage());
                    }
                    failing = true;
                }
            }
        } finally {
            close();
        }
    }

    /** Opens a direct-tcpip channel for {@code client} and copies both ways (sshj's copiers close both at the end). */
    private void carry(Socket client) throws IOException {
        Connection connection = lease.connection().client().getConnection();
        ForwardedChannel channel = new ForwardedChannel(connection, client, parameters);
        try {
            channel.open();
            channel.begin();
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public boolean isOpen() {
        return !closed && !socket.isClosed() && lease.connection().isAlive();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeQuietly(socket);
        Thread thread = listener;
        if (thread != null && thread != Thread.currentThread()) {
            // Ends a channel open the loop may be waiting for.
            thread.interrupt();
        }
        pool.release(lease);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }

    /** sshj's forwarded channel (socket to channel and back, closed together), started by our accept loop. */
    private static final class ForwardedChannel extends LocalPortForwarder.ForwardedChannel {

        ForwardedChannel(Connection connection, Socket socket, Parameters parameters) {
            super(connection, socket, parameters);
        }

        void begin() throws IOException {
            start();
        }
    }
}
