package dev.ascendcp.serving;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A few gauges of a vLLM endpoint from its {@code /metrics}: requests running and waiting, KV-cache usage (0–1, V1
 * {@code kv_cache_usage_perc} or V0 {@code gpu_cache_usage_perc}), token counters and the generation throughput
 * between the last two scrapes.
 */
public record EndpointMetrics(
        @Nullable Double requestsRunning,
        @Nullable Double requestsWaiting,
        @Nullable Double kvCacheUsage,
        @Nullable Double promptTokensTotal,
        @Nullable Double generationTokensTotal,
        @Nullable Double generationTokensPerSecond,
        Instant scrapedAt) {}
