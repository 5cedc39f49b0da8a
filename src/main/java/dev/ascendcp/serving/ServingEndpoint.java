package dev.ascendcp.serving;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A cluster's vLLM endpoint as the control plane last saw it. */
@Entity
@Table(name = "serving_endpoint")
class ServingEndpoint {

    @Id
    @Column(name = "cluster_id")
    private UUID clusterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServingState state;

    private @Nullable String url;
    private @Nullable String model;

    @Column(name = "head_node_id")
    private @Nullable UUID headNodeId;

    private @Nullable Integer port;

    @Column(name = "job_id")
    private @Nullable UUID jobId;

    private @Nullable String reason;
    private @Nullable String message;

    @Column(name = "launch_command")
    private @Nullable String launchCommand;

    private @Nullable String warnings;

    @Column(name = "smoke_latency_ms")
    private @Nullable Long smokeLatencyMs;

    @Column(name = "smoke_prompt_tokens")
    private @Nullable Integer smokePromptTokens;

    @Column(name = "smoke_completion_tokens")
    private @Nullable Integer smokeCompletionTokens;

    @Column(name = "smoke_text")
    private @Nullable String smokeText;

    @Column(name = "checked_at")
    private @Nullable Instant checkedAt;

    @Column(name = "state_since", nullable = false)
    private Instant stateSince;

    @Version
    private long version;

    protected ServingEndpoint() {
        this.clusterId = new UUID(0, 0);
        this.state = ServingState.STOPPED;
        this.stateSince = Instant.EPOCH;
    }

    ServingEndpoint(UUID clusterId, Instant now) {
        this.clusterId = clusterId;
        this.state = ServingState.STOPPED;
        this.stateSince = now;
    }

    /** Moves to {@code next}; answers whether the state changed. */
    boolean moveTo(ServingState next, Instant now, @Nullable String newReason, @Nullable String newMessage) {
        boolean changed = next != state;
        if (changed) {
            stateSince = now;
        }
        state = next;
        reason = newReason;
        message = Texts.cut(newMessage, 2000);
        checkedAt = now;
        return changed;
    }

    void launched(
            UUID job,
            String endpointUrl,
            String servedModel,
            UUID head,
            int servingPort,
            String command,
            String planWarnings) {
        jobId = job;
        url = endpointUrl;
        model = servedModel;
        headNodeId = head;
        port = servingPort;
        launchCommand = Texts.cut(command, 4000);
        warnings = Texts.cut(planWarnings, 4000);
        smokeLatencyMs = null;
        smokePromptTokens = null;
        smokeCompletionTokens = null;
        smokeText = null;
    }

    void smoke(long latencyMs, int promptTokens, int completionTokens, String text) {
        smokeLatencyMs = latencyMs;
        smokePromptTokens = promptTokens;
        smokeCompletionTokens = completionTokens;
        smokeText = Texts.cut(text, 2000);
    }

    void checked(Instant now) {
        checkedAt = now;
    }

    UUID getClusterId() {
        return clusterId;
    }

    ServingState getState() {
        return state;
    }

    @Nullable
    String getUrl() {
        return url;
    }

    @Nullable
    String getModel() {
        return model;
    }

    @Nullable
    UUID getHeadNodeId() {
        return headNodeId;
    }

    @Nullable
    Integer getPort() {
        return port;
    }

    @Nullable
    UUID getJobId() {
        return jobId;
    }

    @Nullable
    String getReason() {
        return reason;
    }

    @Nullable
    String getMessage() {
        return message;
    }

    @Nullable
    String getLaunchCommand() {
        return launchCommand;
    }

    @Nullable
    String getWarnings() {
        return warnings;
    }

    @Nullable
    Long getSmokeLatencyMs() {
        return smokeLatencyMs;
    }

    @Nullable
    Integer getSmokePromptTokens() {
        return smokePromptTokens;
    }

    @Nullable
    Integer getSmokeCompletionTokens() {
        return smokeCompletionTokens;
    }

    @Nullable
    String getSmokeText() {
        return smokeText;
    }

    @Nullable
    Instant getCheckedAt() {
        return checkedAt;
    }

    Instant getStateSince() {
        return stateSince;
    }
}
