package dev.ascendcp.serving;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cluster's serving endpoint: its state, URL and model, when it was last checked, why it failed, the launch
 * runbook, the smoke test and the latest metrics.
 */
public record ServingView(
        UUID clusterId,
        ServingState state,
        @Nullable String url,
        @Nullable String model,
        @Nullable Instant checkedAt,
        @Nullable Instant stateSince,
        @Nullable UUID jobId,
        @Nullable String reason,
        @Nullable String message,
        @Nullable String launchCommand,
        List<String> warnings,
        @Nullable Smoke smoke,
        @Nullable EndpointMetrics metrics) {

    /** The smoke test's completion. */
    public record Smoke(long latencyMs, int promptTokens, int completionTokens, String text) {}

    static ServingView stopped(UUID clusterId) {
        return new ServingView(
                clusterId, ServingState.STOPPED, null, null, null, null, null, null, null, null, List.of(), null, null);
    }

    static ServingView of(ServingEndpoint e, @Nullable EndpointMetrics metrics) {
        Smoke smoke = e.getSmokeLatencyMs() == null
                ? null
                : new Smoke(
                        e.getSmokeLatencyMs(),
                        e.getSmokePromptTokens() == null ? 0 : e.getSmokePromptTokens(),
                        e.getSmokeCompletionTokens() == null ? 0 : e.getSmokeCompletionTokens(),
                        e.getSmokeText() == null ? "" : e.getSmokeText());
        String warnings = e.getWarnings();
        return new ServingView(
                e.getClusterId(),
                e.getState(),
                e.getUrl(),
                e.getModel(),
                e.getCheckedAt(),
                e.getStateSince(),
                e.getJobId(),
                e.getReason(),
                e.getMessage(),
                e.getLaunchCommand(),
                warnings == null || warnings.isEmpty() ? List.of() : List.of(warnings.split("\n")),
                smoke,
                e.getState() == ServingState.READY ? metrics : null);
    }
}
