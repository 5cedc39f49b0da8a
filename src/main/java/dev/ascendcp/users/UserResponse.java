package dev.ascendcp.users;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never with a password. */
public record UserResponse(UUID id, String username, Role role, Instant createdAt) {}
