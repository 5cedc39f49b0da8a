package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** A process row of {@code npu-smi info}; the name is blank when npu-smi runs in another PID namespace. */
public record NpuProcess(
        int npuId,
        int chipId,
        long pid,
        String name,
        long memory,
        String memoryUnit,
        @Nullable Long pidInContainer) {}
