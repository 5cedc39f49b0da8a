package dev.ascendcp.ray;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Port to the verification results: when the cluster's last verification passed. Bootstrap refuses to run on a
 * cluster never verified (or whose last verification failed) unless {@code requireVerified: false}. The default bean
 * says "never verified"; the verification module may provide its own.
 */
public interface VerificationGate {

    /** When the last verification of the cluster passed; empty when it never ran or the last one failed. */
    Optional<Instant> lastPassed(UUID clusterId);
}
