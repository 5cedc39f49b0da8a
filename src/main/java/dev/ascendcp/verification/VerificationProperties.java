package dev.ascendcp.verification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the Verify phase ({@code ascendcp.verification.*}).
 *
 * @param hccnConcurrency hccn_tool calls run at the same time on one node while collecting (one exec channel each)
 * @param pingConcurrency pings run at the same time from one node
 * @param busyRetries how often the queries that answered {@code hccn_tool is busy} are asked again, per node
 * @param busyBackoff wait before the first busy retry; doubled for each further one
 * @param busyBackoffMax the longest wait between two busy retries
 * @param collectTimeout the longest the collection of one node may take
 * @param pingTimeout the longest the pings of one node may take
 * @param hccnTool the hccn_tool program (a path when it is not on the login PATH)
 * @param npuSmi the npu-smi program
 * @param outputBytes output kept per exec channel (the sections are cut out of it)
 * @param metricsRefresh how often the NPU gauges are re-read from the stored verifications (they are also set as soon
 *     as a verification is stored on this replica); picks up other replicas' verifications and renamed clusters
 */
@ConfigurationProperties(prefix = "ascendcp.verification")
@Validated
public record VerificationProperties(
        @DefaultValue("4") @Min(1) @Max(64) int hccnConcurrency,
        @DefaultValue("4") @Min(1) @Max(64) int pingConcurrency,
        @DefaultValue("6") @Min(0) @Max(50) int busyRetries,
        @DefaultValue("100ms") @NotNull Duration busyBackoff,
        @DefaultValue("2s") @NotNull Duration busyBackoffMax,
        @DefaultValue("10m") @NotNull Duration collectTimeout,
        @DefaultValue("1h") @NotNull Duration pingTimeout,
        @DefaultValue("hccn_tool") @NotBlank String hccnTool,
        @DefaultValue("npu-smi") @NotBlank String npuSmi,
        @DefaultValue("8388608") @Min(65536) int outputBytes,
        @DefaultValue("1m") @NotNull Duration metricsRefresh) {

    /** The wait before busy retry {@code retry} (1, 2, …): exponential, bounded. */
    public Duration backoffBefore(int retry) {
        Duration wait = busyBackoff.multipliedBy(1L << Math.min(16, Math.max(0, retry - 1)));
        return wait.compareTo(busyBackoffMax) > 0 ? busyBackoffMax : wait;
    }

    /** The defaults, for code that runs without Spring. */
    public static VerificationProperties defaults() {
        return new VerificationProperties(
                4,
                4,
                6,
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                Duration.ofMinutes(10),
                Duration.ofHours(1),
                CollectionScript.HCCN_TOOL,
                CollectionScript.NPU_SMI,
                8 * 1024 * 1024,
                Duration.ofMinutes(1));
    }
}
