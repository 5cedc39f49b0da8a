package dev.ascendcp.jobs.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/clusters/{id}/jobs}. */
record StartJobRequest(
        @Schema(
                example = "VERIFY",
                allowableValues = {"VERIFY", "BOOTSTRAP", "SERVE", "TEARDOWN", "DEPLOY"})
        @NotBlank
        @Pattern(
                regexp = "VERIFY|BOOTSTRAP|SERVE|TEARDOWN|DEPLOY",
                message = "must be one of VERIFY, BOOTSTRAP, SERVE, TEARDOWN, DEPLOY")
        String phase,

        @Schema(example = "{\"pingStrategy\":\"SAME_INDEX\",\"pingCount\":3}") @Nullable
        Map<String, Object> options) {

    Map<String, Object> optionsOrEmpty() {
        return options == null ? Map.of() : options;
    }
}
