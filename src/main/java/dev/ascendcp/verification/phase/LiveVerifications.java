package dev.ascendcp.verification.phase;

import dev.ascendcp.verification.NodeVerdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The progress of the verifications running on this replica, for the dashboard's live view: the stage, the nodes
 * collected so far with their verdicts (the grid fills in as collect steps end) and the pings done.
 */
@Component
public class LiveVerifications {

    /** A node collected by the running job, with its inventory id. */
    public record Collected(UUID nodeId, NodeVerdict verdict) {}

    /** One running verification: its job, the stage, the nodes collected so far and the pings planned and done. */
    public record Live(
            UUID jobId,
            String stage,
            int pingsPlanned,
            int pingsDone,
            int nodesTotal,
            int nodesPinged,
            List<Collected> collected) {}

    private static final class State {
        final UUID jobId;
        final int nodes;
        volatile String stage = "collecting";
        final AtomicInteger planned;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger pinged = new AtomicInteger();
        final ConcurrentLinkedQueue<Collected> collected = new ConcurrentLinkedQueue<>();

        State(UUID jobId, int nodes, int estimate) {
            this.jobId = jobId;
            this.nodes = nodes;
            this.planned = new AtomicInteger(estimate);
        }
    }

    private final Map<UUID, State> running = new ConcurrentHashMap<>();

    void started(UUID clusterId, UUID jobId, int nodes, int estimate) {
        running.compute(
                clusterId, (id, s) -> s != null && s.jobId.equals(jobId) ? s : new State(jobId, nodes, estimate));
    }

    /** A node's collect step ended (with a verdict, also when unreachable); a retried step replaces its entry. */
    void collected(UUID clusterId, UUID jobId, UUID nodeId, NodeVerdict verdict) {
        State s = current(clusterId, jobId);
        if (s != null) {
            s.collected.removeIf(c -> c.nodeId().equals(nodeId));
            s.collected.add(new Collected(nodeId, verdict));
        }
    }

    void pinging(UUID clusterId, UUID jobId, int planned) {
        State s = current(clusterId, jobId);
        if (s != null) {
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

    void nodePinged(UUID clusterId, UUID jobId) {
        State s = current(clusterId, jobId);
        if (s != null) {
            s.pinged.incrementAndGet();
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
        return Optional.of(new Live(
                s.jobId,
                s.stage,
                planned,
                Math.min(planned, s.done.get()),
                s.nodes,
                Math.min(s.nodes, s.pinged.get()),
                List.copyOf(s.collected)));
    }

    private @Nullable State current(UUID clusterId, UUID jobId) {
        State s = running.get(clusterId);
        return s != null && s.jobId.equals(jobId) ? s : null;
    }
}
