package dev.ascendcp.verification.phase;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The progress of the verifications running on this replica, for the dashboard's live view. */
@Component
public class LiveVerifications {

    /** One running verification: its job, the stage and the pings planned and done so far. */
    public record Live(UUID jobId, String stage, int pingsPlanned, int pingsDone) {}

    private static final class State {
        final UUID jobId;
        volatile String stage = "collecting";
        final AtomicInteger planned;
        final AtomicInteger done = new AtomicInteger();

        State(UUID jobId, int estimate) {
            this.jobId = jobId;
            this.planned = new AtomicInteger(estimate);
        }
    }

    private final Map<UUID, State> running = new ConcurrentHashMap<>();

    void started(UUID clusterId, UUID jobId, int estimate) {
        running.compute(clusterId, (id, s) -> s != null && s.jobId.equals(jobId) ? s : new State(jobId, estimate));
    }

    void pinging(UUID clusterId, UUID jobId, int planned) {
        State s = running.get(clusterId);
        if (s != null && s.jobId.equals(jobId)) {
            s.stage = "pinging";
            s.planned.set(planned);
        }
    }

    void pingDone(UUID clusterId) {
        State s = running.get(clusterId);
        if (s != null) {
            s.done.incrementAndGet();
        }
    }

    void finished(UUID clusterId, UUID jobId) {
        running.computeIfPresent(clusterId, (id, s) -> s.jobId.equals(jobId) ? null : s);
    }

    public Optional<Live> of(UUID clusterId) {
        State s = running.get(clusterId);
        if (s == null) {
            return Optional.empty();
        }
        int planned = s.planned.get();
        return Optional.of(new Live(s.jobId, s.stage, planned, Math.min(planned, s.done.get())));
    }
}
