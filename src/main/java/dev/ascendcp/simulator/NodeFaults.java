package dev.ascendcp.simulator;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/** The injectable faults of one node and of each of its NPUs. Thread-safe; effective immediately. */
public final class NodeFaults {

    private final List<NpuFaults> npus;
    private volatile double busyProbability;
    private volatile Duration extraLatency = Duration.ZERO;
    private volatile boolean hang;
    private final java.util.Set<String> unreachable = java.util.concurrent.ConcurrentHashMap.newKeySet();

    NodeFaults(int npuCount) {
        this.npus = IntStream.range(0, npuCount).mapToObj(i -> new NpuFaults()).toList();
    }

    /** The faults of NPU {@code index} (0-based physical id). */
    public NpuFaults npu(int index) {
        return npus.get(index);
    }

    public int npuCount() {
        return npus.size();
    }

    /** Probability (0–1) that an hccn_tool call answers {@code hccn_tool is busy, please try again.}. */
    public NodeFaults busyProbability(double p) {
        busyProbability = Math.max(0, Math.min(1, p));
        return this;
    }

    /** Latency added to every hccn_tool and npu-smi call (a slow node). */
    public NodeFaults extraLatency(Duration d) {
        extraLatency = d;
        return this;
    }

    /** hccn_tool and npu-smi never return until killed. */
    public NodeFaults hang(boolean v) {
        hang = v;
        return this;
    }

    /** TCP connections from this node to {@code ip} (any port) fail, as behind a firewall. */
    public NodeFaults unreachable(String ip) {
        unreachable.add(ip);
        return this;
    }

    /** Whether this node cannot open TCP connections to {@code ip}. */
    public boolean cannotReach(String ip) {
        return unreachable.contains(ip);
    }

    public double busyProbability() {
        return busyProbability;
    }

    public Duration extraLatency() {
        return extraLatency;
    }

    public boolean hang() {
        return hang;
    }

    public boolean isClear() {
        return busyProbability == 0
                && extraLatency.isZero()
                && !hang
                && unreachable.isEmpty()
                && npus.stream().allMatch(NpuFaults::isClear);
    }

    /** Back to a healthy node. */
    public void clear() {
        busyProbability = 0;
        extraLatency = Duration.ZERO;
        hang = false;
        unreachable.clear();
        npus.forEach(NpuFaults::clear);
    }
}
