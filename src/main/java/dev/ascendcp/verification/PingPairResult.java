package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** The result of one planned ping; loss is 100 and RTT null when the ping could not be read. */
public record PingPairResult(
        PingPair pair,
        Outcome outcome,
        double lossPercent,
        @Nullable Double avgRttMs,
        @Nullable Integer exitCode,
        Verdict verdict,
        @Nullable Problem problem) {}
