package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** {@code hccn_tool -i N -net_health -g}: the status and the word exactly as printed. */
public record NetHealthInfo(
        Outcome outcome,
        @Nullable NetHealth health,
        @Nullable String word,
        String raw) {}
