package dev.ascendcp.serving;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/** A token bucket per user: {@code burst} prompts at once, refilled at {@code requestsPerMinute}. */
@Component
class RateLimiter {

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double perNano;
    private final LongSupplier nanos;

    @org.springframework.beans.factory.annotation.Autowired
    RateLimiter(ServingProperties properties) {
        this(properties.playground().burst(), properties.playground().requestsPerMinute(), System::nanoTime);
    }

    RateLimiter(int burst, int requestsPerMinute, LongSupplier nanos) {
        this.capacity = burst;
        this.perNano = requestsPerMinute / 60e9;
        this.nanos = nanos;
    }

    /** Takes one token for {@code user}, or throws 429 with the time until the next one. */
    void acquire(String user) {
        long now = nanos.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(user, u -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.lastNanos) * perNano);
            bucket.lastNanos = now;
            if (bucket.tokens < 1) {
                throw ServingException.rateLimited(Duration.ofNanos((long) ((1 - bucket.tokens) / perNano)));
            }
            bucket.tokens -= 1;
        }
    }
}
