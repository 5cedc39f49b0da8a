package dev.ascendcp.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of the audit trail, as shown by {@code GET /api/v1/audit}. */
public record AuditEvent(
        UUID id,
        Instant at,
        String actor,
        String action,
        String target,
        @Nullable String detail) {}
