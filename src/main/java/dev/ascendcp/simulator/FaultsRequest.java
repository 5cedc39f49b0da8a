package dev.ascendcp.simulator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The complete fault set of one simulated node ({@code PUT} replaces the previous one; absent = healthy).
 *
 * @param busyProbability share of hccn_tool calls answering "busy" (0–1)
 * @param extraLatencyMs latency added to each hccn_tool/npu-smi call
 * @param hang hccn_tool and npu-smi never return until killed
 * @param npus per-NPU faults
 */
record FaultsRequest(
        @Nullable @DecimalMin("0") @DecimalMax("1") Double busyProbability,
        @Nullable @Min(0) @Max(600_000) Long extraLatencyMs,
        @Nullable Boolean hang,
        @Nullable @Size(max = 16) List<@Valid NpuFault> npus) {

    private static final String IPV4 =
            "^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])$";

    /**
     * The faults of one NPU.
     *
     * @param netHealth forced {@code -net_health -g} word
     * @param health npu-smi health word
     * @param confAddress address_N written to /etc/hccn.conf instead of the real IP
     * @param ipOverride the IP the NPU really has (e.g. another NPU's, for a duplicate)
     */
    record NpuFault(
            @Min(0) @Max(15) int index,
            @Nullable Boolean linkDown,

            @Nullable
            @Pattern(
                    regexp = "Success|Socket fail|Receive timeout|Unreachable|Time exceeded|Fault|Init|Thread error"
                            + "|Detect ip set|Unknown")
            String netHealth,

            @Nullable Boolean noGateway,
            @Nullable Boolean noIp,
            @Nullable Boolean noLldp,
            @Nullable @Pattern(regexp = "OK|Warning|Alarm") String health,
            @Nullable @Pattern(regexp = IPV4) String confAddress,
            @Nullable @Pattern(regexp = IPV4) String ipOverride,
            @Nullable @Min(0) @Max(100) Integer packetLossPercent,
            @Nullable @Size(max = 8) List<@Valid Process> processes) {}

    /** A process to show on the NPU in npu-smi. */
    record Process(
            @Min(1) int pid,

            @Size(max = 24) @Pattern(regexp = "[A-Za-z0-9_.-]*")
            String name,

            @Min(0) int memoryMb) {}

    /** Replaces the node's faults with these. */
    void applyTo(SimulatedNode node) {
        for (NpuFault f : npus == null ? List.<NpuFault>of() : npus) {
            if (f.index() >= node.npuCount()) {
                throw SimulatorException.npuOutOfRange(node.name(), f.index(), node.npuCount());
            }
        }
        NodeFaults faults = node.faults();
        faults.clear();
        faults.busyProbability(busyProbability == null ? 0 : busyProbability);
        faults.extraLatency(Duration.ofMillis(extraLatencyMs == null ? 0 : extraLatencyMs));
        faults.hang(Boolean.TRUE.equals(hang));
        for (NpuFault f : npus == null ? List.<NpuFault>of() : npus) {
            NpuFaults n = faults.npu(f.index())
                    .linkDown(Boolean.TRUE.equals(f.linkDown()))
                    .netHealth(f.netHealth())
                    .noGateway(Boolean.TRUE.equals(f.noGateway()))
                    .noIp(Boolean.TRUE.equals(f.noIp()))
                    .noLldp(Boolean.TRUE.equals(f.noLldp()))
                    .health(f.health() == null ? "OK" : f.health())
                    .confAddress(f.confAddress())
                    .ipOverride(f.ipOverride())
                    .packetLossPercent(f.packetLossPercent() == null ? 0 : f.packetLossPercent());
            for (Process p : f.processes() == null ? List.<Process>of() : f.processes()) {
                n.addProcess(new NpuProcess(p.pid(), p.name(), p.memoryMb()));
            }
        }
    }
}
