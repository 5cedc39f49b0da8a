package dev.ascendcp.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The injectable faults of one NPU. Every knob is independent and takes effect immediately; setters return
 * {@code this} for chaining. Thread-safe.
 */
public final class NpuFaults {

    private volatile boolean linkDown;
    private volatile @Nullable String netHealth;
    private volatile boolean noGateway;
    private volatile boolean noIp;
    private volatile boolean noLldp;
    private volatile String health = "OK";
    private volatile @Nullable String confAddress;
    private volatile @Nullable String ipOverride;
    private volatile int packetLossPercent;
    private final List<NpuProcess> processes = new CopyOnWriteArrayList<>();

    /** {@code link status: DOWN}; pings from and to this NPU time out; LLDP shows no neighbour. */
    public NpuFaults linkDown(boolean v) {
        linkDown = v;
        return this;
    }

    /** Forces the {@code -net_health -g} word (Success, Socket fail, Receive timeout, …); {@code null} = derived. */
    public NpuFaults netHealth(@Nullable String v) {
        netHealth = v;
        return this;
    }

    public NpuFaults noGateway(boolean v) {
        noGateway = v;
        return this;
    }

    /** No IP configured: {@code -ip -g} fails, netdetect is 0.0.0.0, hccn.conf has no address for it. */
    public NpuFaults noIp(boolean v) {
        noIp = v;
        return this;
    }

    public NpuFaults noLldp(boolean v) {
        noLldp = v;
        return this;
    }

    /** The npu-smi health word: OK, Warning or Alarm. */
    public NpuFaults health(String v) {
        health = v;
        return this;
    }

    /** An {@code address_N} in /etc/hccn.conf that differs from what {@code -ip -g} reports. */
    public NpuFaults confAddress(@Nullable String v) {
        confAddress = v;
        return this;
    }

    /** The IP the NPU really has (e.g. a duplicate of another NPU's IP); also written to hccn.conf. */
    public NpuFaults ipOverride(@Nullable String v) {
        ipOverride = v;
        return this;
    }

    /** Share of ping packets lost, 0–100 (the first packets are lost: 34 loses 1 of 3). */
    public NpuFaults packetLossPercent(int v) {
        packetLossPercent = Math.max(0, Math.min(100, v));
        return this;
    }

    public NpuFaults addProcess(NpuProcess p) {
        processes.add(p);
        return this;
    }

    public boolean linkDown() {
        return linkDown;
    }

    public @Nullable String netHealth() {
        return netHealth;
    }

    public boolean noGateway() {
        return noGateway;
    }

    public boolean noIp() {
        return noIp;
    }

    public boolean noLldp() {
        return noLldp;
    }

    public String health() {
        return health;
    }

    public @Nullable String confAddress() {
        return confAddress;
    }

    public @Nullable String ipOverride() {
        return ipOverride;
    }

    public int packetLossPercent() {
        return packetLossPercent;
    }

    public List<NpuProcess> processes() {
        return List.copyOf(processes);
    }

    /** True when no knob differs from a healthy NPU. */
    public boolean isClear() {
        return !linkDown
                && netHealth == null
                && !noGateway
                && !noIp
                && !noLldp
                && health.equals("OK")
                && confAddress == null
                && ipOverride == null
                && packetLossPercent == 0
                && processes.isEmpty();
    }

    void clear() {
        linkDown = false;
        netHealth = null;
        noGateway = false;
        noIp = false;
        noLldp = false;
        health = "OK";
        confAddress = null;
        ipOverride = null;
        packetLossPercent = 0;
        processes.clear();
    }
}
