package dev.ascendcp.verification;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code npu-smi info}: version, one entry per chip (die), and the processes that hold NPU memory. */
public record NpuSmiInfo(
        Outcome outcome, @Nullable String version, List<NpuChip> chips, List<NpuProcess> processes, String raw) {

    /** The number of devices {@code hccn_tool -i} can address: chips on A2, dies on A3. */
    public int deviceCount() {
        return chips.size();
    }

    public Optional<NpuChip> chipForDevice(int deviceIndex) {
        return chips.stream().filter(c -> c.deviceIndex() == deviceIndex).findFirst();
    }

    /** The device index of a process row (A3 process rows name the NPU and the chip, not the phy id). */
    public int deviceIndexOf(NpuProcess process) {
        return chips.stream()
                .filter(c -> c.npuId() == process.npuId() && c.chipId() == process.chipId())
                .map(NpuChip::deviceIndex)
                .findFirst()
                .orElse(process.npuId());
    }
}
