package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/**
 * One chip row pair of {@code npu-smi info}. On A2 each NPU has one chip; on A3 (910C) each NPU has two dies and
 * {@code phyId} is the index {@code hccn_tool -i} uses. Memory figures are in MB.
 */
public record NpuChip(
        int npuId,
        int chipId,
        @Nullable Integer phyId,
        String name,
        NpuHealth health,
        String healthWord,
        @Nullable String busId,
        @Nullable Double powerW,
        @Nullable Integer temperatureC,
        @Nullable Integer aicorePercent,
        @Nullable Integer memoryUsedMb,
        @Nullable Integer memoryTotalMb,
        @Nullable Integer hbmUsedMb,
        @Nullable Integer hbmTotalMb) {

    /** The device index that {@code hccn_tool -i} takes for this chip. */
    public int deviceIndex() {
        return phyId != null ? phyId : npuId;
    }
}
