package dev.ascendcp.users;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new API token: a name that says what it is for. */
public record TokenRequest(
        @Schema(example = "ci-pipeline") @NotBlank @Size(max = 100) @Nullable
        String name) {}
