package dev.ascendcp.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A local port forward on a pooled sshj connection; the connection stays leased until the forward is closed. */
final class SshjLocalForward implements LocalForward {

    private static final Logger log = LoggerFactory.getLogger(SshjLocalForward.class);

    private final SshConnectionPool pool;
    private final SshConnectionPool.Lease lease;
    private final ServerSocket socket;
    private final LocalPortForwarder forwarder;
    private volatile boolean closed;

    private SshjLocalForward(
            SshConnectionPool pool, SshConnectionPool.Lease lease, ServerSocket socket, LocalPortForwarder forwarder) {
        this.pool = pool;
        this.lease = lease;
        this.socket = socket;
        this.forwarder = forwarder;
    }

    static SshjLocalForward open(SshConnectionPool pool, SshConnectionPool.Lease lease, String remoteHost, int port)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Parameters parameters = new Parameters("127.0.0.1", socket.getLocalPort(), remoteHost, port);
        LocalPortForwarder forwarder = lease.connection().client().newLocalPortForwarder(parameters, socket);
        SshjLocalForward forward = new SshjLocalForward(pool, lease, socket, forwarder);
        Thread listener = new Thread(forward::listen, "ssh-forward-" + socket.getLocalPort());
        listener.setDaemon(true);
        listener.start();
        return forward;
    }

    private void listen() {
        try {
            forwarder.listen();
        } catch (IOException e) {
            if (!closed) {
                log.info("Port forward {} via {} ended: {}", socket.getLocalPort(), lease.targetId(), e.toString());
            }
        } finally {
            close();
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            forwarder.close();
        } catch (IOException | RuntimeException e) {
            // the forwarder stops with its socket anyway
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        pool.release(lease);
    }
}
