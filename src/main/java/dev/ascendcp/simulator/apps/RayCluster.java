package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Ray cluster spanning simulated nodes. The head's GCS is a real TCP listener; workers join by connecting to it.
 * Thread-safe.
 */
public final class RayCluster {

    private final List<RayMember> members = new ArrayList<>();
    private @Nullable ServerSocket gcs;
    private @Nullable String address;

    /** Opens the head's GCS port on {@code ip:port}; throws when the port is taken. */
    synchronized void startHead(RayMember head, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        String bind = head.node().spec().listenAddress(head.ip());
        socket.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        gcs = socket;
        address = head.ip() + ":" + port;
        members.removeIf(m -> !m.alive());
        members.add(head);
        head.node().listeners().add(address);
        head.node().fileSystem().write("/tmp/ray/ray_current_cluster", address + "\n");
        Thread t = new Thread(() -> accept(socket), "sim-ray-gcs");
        t.setDaemon(true);
        t.start();
    }

    private static void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                in.readLine();
                OutputStream out = s.getOutputStream();
                out.write("OK\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // closed by ray stop, or a client that went away
            }
        }
    }

    /** Joins a worker after a real TCP handshake with the GCS at {@code addr}. */
    void join(RayMember worker, String addr) throws IOException {
        int colon = addr.lastIndexOf(':');
        if (worker.node().faults().cannotReach(addr.substring(0, colon))) {
            throw new IOException("connect timed out");
        }
        try (Socket s = new Socket()) {
            s.connect(
                    new InetSocketAddress(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1))), 2000);
            s.setSoTimeout(2000);
            s.getOutputStream().write(("register " + worker.nodeId() + "\n").getBytes(StandardCharsets.UTF_8));
            String reply =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (!"OK".equals(reply)) {
                throw new IOException("GCS did not answer");
            }
        }
        synchronized (this) {
            if (!addr.equals(address)) {
                throw new IOException("not a Ray GCS");
            }
            members.add(worker);
        }
    }

    /** Whether a TCP connection from {@code from} to {@code addr} ({@code ip:port}) is accepted. */
    public boolean reachable(SimulatedNode from, String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon < 0 || from.faults().cannotReach(addr.substring(0, colon))) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(
                    new InetSocketAddress(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1))), 2000);
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Stops Ray on a node; returns how many Ray processes were stopped (0 = none ran). */
    synchronized int stop(SimulatedNode node) {
        int stopped = 0;
        for (int i = 0; i < members.size(); i++) {
            RayMember m = members.get(i);
            if (m.node() == node && m.alive()) {
                stopped += m.head() ? 6 : 2;
                members.set(i, m.dead());
                if (m.head()) {
                    closeGcs(node);
                }
            }
        }
        return stopped;
    }

    private void closeGcs(SimulatedNode node) {
        try {
            if (gcs != null) {
                gcs.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
        if (address != null) {
            node.listeners().remove(address);
        }
        gcs = null;
        address = null;
        members.replaceAll(RayMember::dead);
    }

    public synchronized @Nullable String address() {
        return address;
    }

    public synchronized List<RayMember> members() {
        return List.copyOf(members);
    }

    public synchronized List<RayMember> alive() {
        return members.stream().filter(RayMember::alive).toList();
    }

    public synchronized @Nullable RayMember memberOn(SimulatedNode node) {
        return members.stream()
                .filter(m -> m.alive() && m.node() == node)
                .findFirst()
                .orElse(null);
    }
}
