package dev.ascendcp.users;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token without its secret. */
public record TokenResponse(
        UUID id, String name, Instant createdAt, @Nullable Instant lastUsedAt) {}
