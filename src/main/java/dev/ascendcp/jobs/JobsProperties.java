package dev.ascendcp.jobs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the jobs engine ({@code ascendcp.jobs.*}).
 *
 * @param instanceId this replica's name in job leases; must differ between replicas (default: the host name)
 * @param maxConcurrentJobs jobs run at the same time by this replica (one per cluster anyway)
 * @param poolSize threads that run steps, shared by all jobs of this replica
 * @param parallelism nodes of one job that run at the same time
 * @param stepTimeout the longest one attempt of a step may take
 * @param deadline the longest a whole job may take
 * @param retryAttempts attempts of a step whose failure is transient (1 = no retry)
 * @param retryBackoff wait before the first retry; doubled for each further one
 * @param retryBackoffMax the longest wait between two attempts
 * @param logBytesPerStep output kept per step: the first and the last half, the middle is dropped with a marker
 * @param logFlushInterval the longest output waits in memory before it is stored
 * @param cancelGrace how long a cancelled or timed-out step may take to stop before it is abandoned; its cancel
 *     callbacks get the first half, then its thread is interrupted
 * @param retention finished jobs older than this are purged
 * @param retentionInterval how often the purge runs
 * @param lease how long a replica's claim on its running jobs lasts without a heartbeat
 * @param heartbeat how often a replica renews its leases (and picks up cancels sent to other replicas)
 * @param sweepInterval how often one replica looks for jobs whose lease expired, to mark them INTERRUPTED
 * @param sseQueueSize events buffered per live viewer; a viewer that falls further behind is disconnected
 * @param events limits of the SSE event streams ({@code ascendcp.jobs.events.*})
 */
@ConfigurationProperties(prefix = "ascendcp.jobs")
@Validated
public record JobsProperties(
        @Nullable String instanceId,
        @DefaultValue("16") @Min(1) int maxConcurrentJobs,
        @DefaultValue("64") @Min(1) int poolSize,
        @DefaultValue("64") @Min(1) @Max(1024) int parallelism,
        @DefaultValue("30m") @NotNull Duration stepTimeout,
        @DefaultValue("6h") @NotNull Duration deadline,
        @DefaultValue("4") @Min(1) @Max(20) int retryAttempts,
        @DefaultValue("1s") @NotNull Duration retryBackoff,
        @DefaultValue("30s") @NotNull Duration retryBackoffMax,
        @DefaultValue("1MB") @NotNull DataSize logBytesPerStep,
        @DefaultValue("200ms") @NotNull Duration logFlushInterval,
        @DefaultValue("3s") @NotNull Duration cancelGrace,
        @DefaultValue("30d") @NotNull Duration retention,
        @DefaultValue("1h") @NotNull Duration retentionInterval,
        @DefaultValue("20s") @NotNull Duration lease,
        @DefaultValue("2s") @NotNull Duration heartbeat,
        @DefaultValue("5s") @NotNull Duration sweepInterval,
        @DefaultValue("1024") @Min(16) int sseQueueSize,
        @DefaultValue @Valid @NotNull Events events) {

    /**
     * Limits of the SSE event streams: each viewer holds one thread of this replica while its stream lasts.
     *
     * @param maxViewers concurrent viewers of all jobs on this replica; one more is answered 503 with
     *     {@code Retry-After}
     * @param maxViewersPerJob concurrent viewers of one job on this replica (at most {@code maxViewers})
     * @param retryAfter what the 503 tells a refused viewer to wait before it tries again
     */
    public record Events(
            @DefaultValue("256") @Min(1) @Max(100_000) int maxViewers,
            @DefaultValue("32") @Min(1) @Max(100_000) int maxViewersPerJob,
            @DefaultValue("5s") @NotNull Duration retryAfter) {

        @AssertTrue(message = "max-viewers-per-job must not exceed max-viewers")
        public boolean isPerJobWithinTotal() {
            return maxViewersPerJob <= maxViewers;
        }
    }

    /** The backoff before attempt {@code nextAttempt} (2, 3, …): exponential, bounded. */
    public Duration backoffBefore(int nextAttempt) {
        long factor = 1L << Math.min(20, Math.max(0, nextAttempt - 2));
        Duration wait = retryBackoff.multipliedBy(factor);
        return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
    }
}
