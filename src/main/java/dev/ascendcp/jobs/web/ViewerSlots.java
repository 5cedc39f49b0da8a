package dev.ascendcp.jobs.web;

import dev.ascendcp.jobs.JobsProperties;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Counts the SSE viewers this replica serves, overall and per job, against {@code ascendcp.jobs.events.max-viewers}
 * and {@code max-viewers-per-job}: each viewer holds one pump thread, so the caps bound those threads.
 */
@Component
class ViewerSlots {

    private final JobsProperties.Events limits;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<UUID, AtomicInteger> perJob = new ConcurrentHashMap<>();

    ViewerSlots(JobsProperties properties) {
        this.limits = properties.events();
    }

    /** A slot, released once (further calls do nothing). */
    final class Slot {
        private final UUID jobId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(UUID jobId) {
            this.jobId = jobId;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                total.decrementAndGet();
                perJob.computeIfPresent(jobId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
            }
        }
    }

    /**
     * A slot for one more viewer of the job.
     *
     * @throws TooManyViewersException when this replica already serves as many viewers (of the job) as allowed
     */
    Slot acquire(UUID jobId) {
        if (total.incrementAndGet() > limits.maxViewers()) {
            total.decrementAndGet();
            throw new TooManyViewersException(jobId, false, limits.maxViewers(), limits.retryAfter());
        }
        boolean[] granted = {false};
        perJob.compute(jobId, (id, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < limits.maxViewersPerJob()) {
                c.incrementAndGet();
                granted[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        if (!granted[0]) {
            total.decrementAndGet();
            throw new TooManyViewersException(jobId, true, limits.maxViewersPerJob(), limits.retryAfter());
        }
        return new Slot(jobId);
    }

    /** Viewers served now, of all jobs. */
    int total() {
        return total.get();
    }
}
