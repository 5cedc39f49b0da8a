package dev.ascendcp.jobs.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StepLogLimiterTests {

    @Test
    void keepsHeadAndTailAndCountsWhatIsDropped() {
        StepLogLimiter limiter = new StepLogLimiter(100);
        AtomicLong seq = new AtomicLong();
        List<Long> dropped = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (limiter.needsMarker(10)) {
                limiter.reserveMarker(seq::incrementAndGet);
            }
            dropped.addAll(limiter.accept(seq.incrementAndGet(), 10));
        }
        // 5 head lines (50 bytes), a marker, then a tail of 5 lines; 20 lines slid out of the tail.
        assertThat(limiter.markerSeq()).isEqualTo(6);
        assertThat(dropped).hasSize(20).first().isEqualTo(7L);
        assertThat(limiter.markerText()).contains("200 bytes (20 lines) of output dropped");
    }

    @Test
    void dropsNothingWithinBudget() {
        StepLogLimiter limiter = new StepLogLimiter(1000);
        assertThat(limiter.needsMarker(10)).isFalse();
        assertThat(limiter.accept(1, 10)).isEmpty();
    }
}
