package dev.ascendcp.serving;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of a cluster's serving history. */
public record ServingEventView(
        Instant at,
        @Nullable ServingState from,
        ServingState to,
        @Nullable String reason,
        @Nullable String message) {}
