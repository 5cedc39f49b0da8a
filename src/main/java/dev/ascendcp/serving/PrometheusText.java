package dev.ascendcp.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the vLLM gauges from Prometheus text exposition, summing series over their labels (engines, models). */
final class PrometheusText {

    private PrometheusText() {}

    static Map<String, Double> sums(String text) {
        Map<String, Double> sums = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            String name = brace > 0 && brace < space
                    ? line.substring(0, brace)
                    : line.substring(0, space).strip();
            try {
                double value = Double.parseDouble(line.substring(space + 1).strip());
                sums.merge(name, value, Double::sum);
            } catch (NumberFormatException e) {
                // a timestamp or a malformed sample: not one of ours
            }
        }
        return sums;
    }

    static EndpointMetrics metrics(String text, Instant now, @Nullable EndpointMetrics previous) {
        Map<String, Double> s = sums(text);
        Double kv = s.containsKey("vllm:kv_cache_usage_perc")
                ? s.get("vllm:kv_cache_usage_perc")
                : s.get("vllm:gpu_cache_usage_perc");
        Double generated = s.get("vllm:generation_tokens_total");
        Double rate = null;
        if (previous != null && generated != null && previous.generationTokensTotal() != null) {
            double seconds = Duration.between(previous.scrapedAt(), now).toMillis() / 1000.0;
            if (seconds > 0 && generated >= previous.generationTokensTotal()) {
                rate = (generated - previous.generationTokensTotal()) / seconds;
            }
        }
        return new EndpointMetrics(
                s.get("vllm:num_requests_running"),
                s.get("vllm:num_requests_waiting"),
                kv,
                s.get("vllm:prompt_tokens_total"),
                generated,
                rate,
                now);
    }
}
