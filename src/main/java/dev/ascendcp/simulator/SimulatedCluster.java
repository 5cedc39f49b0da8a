package dev.ascendcp.simulator;

import dev.ascendcp.simulator.apps.RayCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A set of simulated Ascend nodes, each a real SSH server on 127.0.0.1 (or the bind address) with its own port and
 * host key. They share one login (user name, password and/or authorized keys) and one NPU network, so NPUs of
 * different nodes can ping each other.
 */
public final class SimulatedCluster implements AutoCloseable {

    /** An NPU found by its IP. */
    public record NpuLocation(SimulatedNode node, int index) {}

    private final ClusterSpec spec;
    private final Credentials credentials;
    private final List<SimulatedNode> nodes = new ArrayList<>();
    private final RayCluster ray = new RayCluster();
    private volatile Duration vllmStartupDelay = Duration.ofSeconds(2);

    private SimulatedCluster(ClusterSpec spec) {
        this.spec = spec;
        this.credentials = new Credentials(spec.username(), spec.password(), spec.authorizedKeys());
        for (int k = 0; k < spec.nodeCount(); k++) {
            nodes.add(new SimulatedNode(spec.node(k), this, credentials));
        }
    }

    /** Creates the nodes and starts their SSH servers. */
    public static SimulatedCluster start(ClusterSpec spec) {
        SimulatedCluster cluster = new SimulatedCluster(spec);
        try {
            cluster.nodes.forEach(SimulatedNode::start);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public ClusterSpec spec() {
        return spec;
    }

    public List<SimulatedNode> nodes() {
        return List.copyOf(nodes);
    }

    public SimulatedNode node(String name) {
        return nodes.stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no simulated node " + name));
    }

    public @Nullable SimulatedNode findNode(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }

    /** Every NPU (on any node, up or down) whose IP is {@code ip}: more than one means a duplicate IP. */
    public List<NpuLocation> npusWithIp(String ip) {
        List<NpuLocation> found = new ArrayList<>();
        for (SimulatedNode n : nodes) {
            for (int i = 0; i < n.npuCount(); i++) {
                if (!n.faults().npu(i).noIp() && n.npuIp(i).equals(ip)) {
                    found.add(new NpuLocation(n, i));
                }
            }
        }
        return found;
    }

    /** The Ray cluster the nodes form once {@code ray start} ran on them. */
    public RayCluster ray() {
        return ray;
    }

    /** How long a simulated vLLM takes to load the model before its HTTP server answers. */
    public Duration vllmStartupDelay() {
        return vllmStartupDelay;
    }

    public void setVllmStartupDelay(Duration d) {
        vllmStartupDelay = d;
    }

    /** The SSH user name all nodes accept. */
    public String username() {
        return credentials.username();
    }

    /** Adds an OpenSSH authorized-key line accepted by all nodes from now on. */
    public void authorizeKey(String authorizedKeyLine) {
        credentials.authorize(authorizedKeyLine);
    }

    /** Replaces the accepted password ({@code null}: password login refused). */
    public void setPassword(@Nullable String password) {
        credentials.setPassword(password);
    }

    /** Clears the faults of every node. */
    public void clearFaults() {
        nodes.forEach(n -> n.faults().clear());
    }

    /** Stops every node. */
    @Override
    public void close() {
        nodes.forEach(SimulatedNode::stop);
    }
}
