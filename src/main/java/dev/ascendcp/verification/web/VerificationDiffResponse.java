package dev.ascendcp.verification.web;

import dev.ascendcp.verification.DiffItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What changed between the latest verification and the one before: newly failing and recovered items. */
@Schema(name = "VerificationDiff")
record VerificationDiffResponse(
        @Nullable UUID jobId, @Nullable UUID previousJobId, List<DiffItem> newlyFailing, List<DiffItem> recovered) {}
