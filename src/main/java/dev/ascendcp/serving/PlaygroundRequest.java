package dev.ascendcp.serving;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A prompt for a cluster's served model; {@code chat} sends it as one user message to the chat API. */
record PlaygroundRequest(
        @NotBlank @Size(max = 8000) String prompt,
        @Nullable @Min(1) @Max(4096) Integer maxTokens,
        @Nullable @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
        @Nullable Boolean chat) {

    int maxTokensOr(int fallback) {
        return maxTokens == null ? fallback : maxTokens;
    }
}
