package dev.ascendcp.serving;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of serving ({@code ascendcp.serving.*}).
 *
 * @param readinessTimeout how long the launched vLLM may take until {@code GET /health} answers 200
 * @param pollInterval how often readiness is polled (and the server log tailed) while vLLM starts
 * @param healthCheckInterval how often READY endpoints are checked and their metrics scraped
 * @param access how the control plane reaches {@code head:port}: directly, through an SSH local port forward, or
 *     {@code auto} (direct unless the port cannot be reached, then a forward)
 * @param connectTimeout HTTP connect timeout to an endpoint (also the reachability probe of {@code auto})
 * @param requestTimeout the longest one HTTP request to an endpoint may take (smoke test, playground)
 * @param logPath the vLLM log file inside the container; the pid file is this path with {@code .pid} appended
 * @param logTailLines how many last log lines a failure reports
 * @param stopGrace how long vLLM may take to exit after SIGTERM before it is killed
 * @param playground the playground's limits
 */
@ConfigurationProperties(prefix = "ascendcp.serving")
@Validated
public record ServingProperties(
        @DefaultValue("30m") @NotNull Duration readinessTimeout,
        @DefaultValue("2s") @NotNull Duration pollInterval,
        @DefaultValue("30s") @NotNull Duration healthCheckInterval,
        @DefaultValue("auto") @NotNull AccessMode access,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("2m") @NotNull Duration requestTimeout,

        @DefaultValue("/tmp/ascendcp/vllm.log") @NotNull @Pattern(regexp = "/[A-Za-z0-9_./-]+")
        String logPath,

        @DefaultValue("50") @Min(1) int logTailLines,
        @DefaultValue("30s") @NotNull Duration stopGrace,
        @DefaultValue @Valid @NotNull Playground playground) {

    /**
     * Limits of the playground, per user: a token bucket of {@code burst} requests refilled with
     * {@code requestsPerMinute}.
     *
     * @param requestsPerMinute sustained prompts per user and minute
     * @param burst prompts a user may send at once
     * @param maxTokens the largest {@code max_tokens} a prompt may ask for
     */
    public record Playground(
            @DefaultValue("10") @Min(1) int requestsPerMinute,
            @DefaultValue("5") @Min(1) int burst,
            @DefaultValue("1024") @Min(1) int maxTokens) {}

    /** The pid file next to the log. */
    public String pidPath() {
        return logPath + ".pid";
    }

    /** The directory of the log file. */
    String logDirectory() {
        int slash = logPath.lastIndexOf('/');
        return slash <= 0 ? "/" : logPath.substring(0, slash);
    }
}
