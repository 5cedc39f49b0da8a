package dev.ascendcp.verification.store;

import dev.ascendcp.verification.Verdict;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a cluster's verification history. */
public record VerificationSummary(
        UUID id,
        UUID jobId,
        Instant checkedAt,
        String requestedBy,
        Verdict verdict,
        @Nullable String strategy,
        int pingPackets,
        int pingPairs,
        int pingFailed,
        int nodeCount,
        int failingNpus,
        int problemCount) {}
