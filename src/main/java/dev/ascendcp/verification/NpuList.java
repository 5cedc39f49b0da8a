package dev.ascendcp.verification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code npu-smi info -l}: the total count line and one entry per card. */
public record NpuList(Outcome outcome, @Nullable Integer totalCount, List<NpuListEntry> entries, String raw) {}
