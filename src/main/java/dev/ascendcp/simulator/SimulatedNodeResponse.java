package dev.ascendcp.simulator;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A simulated node as the admin API shows it: what the inventory needs to reach it, and its current faults.
 *
 * @param sshHost where the node's SSH server listens: 127.0.0.1 unless the simulator has a bind address
 * @param hostKeyFingerprint {@code SHA256:…}, to pin the host key
 * @param localIp the node's host IP (for HCCL_IF_IP and --node-ip-address)
 * @param nic the interface carrying localIp
 */
public record SimulatedNodeResponse(
        String name,
        String sshHost,
        int sshPort,
        String hostKeyFingerprint,
        String username,
        boolean sudo,
        String localIp,
        String nic,
        int npuCount,
        String chipType,
        List<String> npuIps,
        boolean running,
        int runningProcesses,
        Faults faults) {

    /** The active faults; NPUs without any are left out. */
    public record Faults(double busyProbability, long extraLatencyMs, boolean hang, List<NpuFaultView> npus) {}

    /** The faults of one NPU. */
    public record NpuFaultView(
            int index,
            boolean linkDown,
            @Nullable String netHealth,
            boolean noGateway,
            boolean noIp,
            boolean noLldp,
            String health,
            @Nullable String confAddress,
            @Nullable String ipOverride,
            int packetLossPercent,
            List<NpuProcess> processes) {}

    public static SimulatedNodeResponse of(SimulatedNode n) {
        List<String> ips = new ArrayList<>();
        List<NpuFaultView> npus = new ArrayList<>();
        for (int i = 0; i < n.npuCount(); i++) {
            ips.add(n.npuIp(i));
            NpuFaults f = n.faults().npu(i);
            if (!f.isClear()) {
                npus.add(new NpuFaultView(
                        i,
                        f.linkDown(),
                        f.netHealth(),
                        f.noGateway(),
                        f.noIp(),
                        f.noLldp(),
                        f.health(),
                        f.confAddress(),
                        f.ipOverride(),
                        f.packetLossPercent(),
                        f.processes()));
            }
        }
        NodeFaults nf = n.faults();
        return new SimulatedNodeResponse(
                n.name(),
                n.sshHost(),
                n.port(),
                n.hostKeyFingerprint(),
                n.username(),
                n.spec().sudo(),
                n.localIp(),
                n.nic(),
                n.npuCount(),
                n.chipType(),
                ips,
                n.isRunning(),
                n.runningProcessCount(),
                new Faults(nf.busyProbability(), nf.extraLatency().toMillis(), nf.hang(), npus));
    }
}
