package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** One card of {@code npu-smi info -l}. */
public record NpuListEntry(
        int npuId,
        @Nullable String productName,
        @Nullable String serialNumber,
        @Nullable Integer chipCount) {}
