package dev.ascendcp.jobs.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Live events of the jobs this replica runs, for SSE viewers. Publishing never blocks: each viewer has a bounded queue
 * and a viewer that falls behind is dropped (it reconnects with {@code Last-Event-ID} and replays from the database).
 * A ring of recent events covers what is not yet flushed to the database.
 */
@Component
public class JobEventBus {

    static final int RING_SIZE = 4096;

    private final Map<UUID, List<Subscription>> subscriptions = new ConcurrentHashMap<>();
    private final Map<UUID, ArrayDeque<JobEvent>> rings = new ConcurrentHashMap<>();

    /** A viewer's queue. */
    public static final class Subscription {
        private final UUID jobId;
        private final BlockingQueue<JobEvent> queue;
        private volatile boolean overflowed;

        Subscription(UUID jobId, int capacity) {
            this.jobId = jobId;
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        public BlockingQueue<JobEvent> queue() {
            return queue;
        }

        /** True once this viewer missed an event because its queue was full. */
        public boolean overflowed() {
            return overflowed;
        }
    }

    public Subscription subscribe(UUID jobId, int capacity) {
        Subscription subscription = new Subscription(jobId, capacity);
        subscriptions.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(subscription);
        return subscription;
    }

    public void unsubscribe(Subscription subscription) {
        List<Subscription> list = subscriptions.get(subscription.jobId);
        if (list != null) {
            list.remove(subscription);
        }
    }

    public void publish(JobEvent event) {
        ArrayDeque<JobEvent> ring = rings.computeIfAbsent(event.jobId(), id -> new ArrayDeque<>());
        synchronized (ring) {
            if (ring.size() == RING_SIZE) {
                ring.removeFirst();
            }
            ring.addLast(event);
        }
        for (Subscription subscription : subscriptions.getOrDefault(event.jobId(), List.of())) {
            if (!subscription.queue.offer(event)) {
                subscription.overflowed = true;
                unsubscribe(subscription);
            }
        }
    }

    /**
     * Offers a new version of an event already in the sequence (a truncation marker whose counts grew) to the live
     * viewers only: it is not put in the ring, whose events are in sequence order.
     */
    public void publishUpdate(JobEvent event) {
        for (Subscription subscription : subscriptions.getOrDefault(event.jobId(), List.of())) {
            if (!subscription.queue.offer(event)) {
                subscription.overflowed = true;
                unsubscribe(subscription);
            }
        }
    }

    /**
     * Recent events after {@code afterSeq}, but only if the ring still holds every event published after it (its
     * oldest is at most {@code afterSeq + 1}); null when some have already left the ring. Empty when nothing is live.
     */
    public @Nullable List<JobEvent> recentContinuing(UUID jobId, long afterSeq) {
        ArrayDeque<JobEvent> ring = rings.get(jobId);
        if (ring == null) {
            return List.of();
        }
        synchronized (ring) {
            JobEvent oldest = ring.peekFirst();
            if (oldest != null && oldest.seq() > afterSeq + 1) {
                return null;
            }
            return ring.stream().filter(e -> e.seq() > afterSeq).toList();
        }
    }

    /** Whether this replica publishes events of this job. */
    public boolean isLive(UUID jobId) {
        return rings.containsKey(jobId);
    }

    public void forget(UUID jobId) {
        rings.remove(jobId);
    }

    /** How many live viewers of a job this replica feeds now (a dropped viewer no longer counts). */
    public int viewers(UUID jobId) {
        return subscriptions.getOrDefault(jobId, List.of()).size();
    }

    List<Subscription> subscribers(UUID jobId) {
        return new ArrayList<>(subscriptions.getOrDefault(jobId, List.of()));
    }
}
