package dev.ascendcp.verification.store;

import java.util.UUID;

/** Published when a verification was stored (listeners that need the row committed use an after-commit listener). */
public record VerificationStored(UUID clusterId, UUID jobId, UUID verificationId) {}
