package dev.ascendcp.serving;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The playground's token bucket per user. */
class RateLimiterTests {

    @Test
    void allowsTheBurstThenRefusesUntilATokenIsRefilled() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 6, now::get);
        limiter.acquire("vera");
        limiter.acquire("vera");
        assertThatThrownBy(() -> limiter.acquire("vera"))
                .isInstanceOf(ServingException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                                ((ServingException) e).getHeaders().getFirst("Retry-After"))
                        .isEqualTo("10"));
        assertThatCode(() -> limiter.acquire("oscar")).doesNotThrowAnyException();
        now.addAndGet(10_000_000_000L);
        assertThatCode(() -> limiter.acquire("vera")).doesNotThrowAnyException();
    }
}
