package dev.ascendcp.jobs.web;

import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.logs.EventLog;
import dev.ascendcp.jobs.logs.EventStore;
import dev.ascendcp.jobs.logs.JobEvent;
import dev.ascendcp.jobs.logs.JobEventBus;
import dev.ascendcp.jobs.logs.TruncationMarker;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves SSE viewers of a job, each on its own pump thread: first the stored events after {@code Last-Event-ID}, then
 * the recent ring (only if it continues the stored ones without a gap), then live events from a bounded queue. A viewer
 * too slow for its queue is dropped: it gets no more events and its stream ends, so it reconnects with its last id.
 * The job never waits for a viewer: publishing only offers to the queue.
 *
 * <p>Each viewer takes a slot of {@link ViewerSlots} (503 with {@code Retry-After} when none is left) that it gives back
 * when its pump thread ends: when the stream ends, the viewer is dropped, or the client goes away (noticed within a
 * poll when the container reports it, else at a write to it failing: the next events or keepalives, every 15 s). A dropped viewer's pump may be blocked in a socket write; Tomcat ends such a blocking write after its write
 * timeout ({@code server.tomcat.connection-timeout}), and neither the async request timeout nor an interrupt wakes it
 * sooner, so that timeout bounds how long a dropped viewer keeps its thread and slot.
 *
 * <p>Truncation markers ({@link TruncationMarker}) are log events like the others in a replay; their newer versions
 * come live without an event id, as an update of line {@code seq} (the id a viewer resumes from is not moved back).
 */
@Component
class JobEventStreams implements DisposableBean {

    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");
    private static final long KEEPALIVE_MS = 15_000;
    private static final int CATCH_UP_ATTEMPTS = 3;

    private final EventStore store;
    private final JobEventBus bus;
    private final EventLog eventLog;
    private final JobService jobs;
    private final JobsProperties properties;
    private final JsonMapper json;
    private final ThreadPoolExecutor pumps;
    private final ViewerSlots slots;

    JobEventStreams(
            EventStore store,
            JobEventBus bus,
            EventLog eventLog,
            JobService jobs,
            JobsProperties properties,
            JsonMapper json,
            ViewerSlots slots) {
        this.slots = slots;
        this.store = store;
        this.bus = bus;
        this.eventLog = eventLog;
        this.jobs = jobs;
        this.properties = properties;
        this.json = json;
        AtomicInteger count = new AtomicInteger();
        // One thread per viewer, at most as many as viewer slots (ViewerSlots); idle ones end after a minute.
        this.pumps = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "job-sse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens a viewer's stream.
     *
     * @throws TooManyViewersException when this replica serves as many viewers (of this job) as it allows
     */
    SseEmitter open(UUID jobId, long afterSeq) {
        ViewerSlots.Slot slot = slots.acquire(jobId);
        JobEventBus.Subscription subscription = null;
        try {
            SseEmitter emitter = new SseEmitter(TimeUnit.MINUTES.toMillis(30));
            JobEventBus.Subscription subscribed = bus.subscribe(jobId, properties.sseQueueSize());
            subscription = subscribed;
            AtomicBoolean gone = new AtomicBoolean();
            emitter.onCompletion(() -> {
                gone.set(true);
                bus.unsubscribe(subscribed);
            });
            emitter.onError(e -> gone.set(true));
            emitter.onTimeout(emitter::complete);
            pumps.submit(() -> pump(jobId, afterSeq, emitter, subscribed, gone, slot));
            return emitter;
        } catch (RuntimeException e) {
            if (subscription != null) {
                bus.unsubscribe(subscription);
            }
            slot.release();
            throw e;
        }
    }

    /** Viewers this replica serves now (each with its pump thread), of all jobs. */
    int viewers() {
        return slots.total();
    }

    /** Pump threads busy now (serving a viewer, or blocked writing to one). */
    int pumpsBusy() {
        return pumps.getActiveCount();
    }

    private void pump(
            UUID jobId,
            long afterSeq,
            SseEmitter emitter,
            JobEventBus.Subscription subscription,
            AtomicBoolean gone,
            ViewerSlots.Slot slot) {
        long last = afterSeq;
        try {
            OptionalLong caughtUp = catchUp(jobId, last, emitter);
            if (caughtUp.isEmpty()) {
                // The job outran this viewer before it was even live: end here, it reconnects with Last-Event-ID.
                emitter.complete();
                return;
            }
            last = caughtUp.getAsLong();
            long quietSince = System.currentTimeMillis();
            while (!Thread.currentThread().isInterrupted()) {
                if (subscription.overflowed() || gone.get()) {
                    break;
                }
                JobEvent event = subscription.queue().poll(500, TimeUnit.MILLISECONDS);
                if (event != null) {
                    last = send(emitter, event, last);
                    if (isTerminal(event)) {
                        break;
                    }
                    quietSince = System.currentTimeMillis();
                    continue;
                }
                if (!eventLog.isOpen(jobId)) {
                    last = replay(jobId, last, emitter);
                    if (jobs.find(jobId).status().isTerminal()) {
                        last = replay(jobId, last, emitter);
                        break;
                    }
                }
                if (System.currentTimeMillis() - quietSince > KEEPALIVE_MS) {
                    emitter.send(SseEmitter.event().comment("keepalive"));
                    quietSince = System.currentTimeMillis();
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } finally {
            bus.unsubscribe(subscription);
            slot.release();
        }
    }

    /**
     * Sends what was stored after {@code after}, then the recent events not stored yet, without a gap between the two:
     * when the ring no longer reaches back to the last stored event, the job's pending events are stored and the
     * replay goes on from the database. Answers the last sequence sent, or empty when no gap-free catch-up came about.
     */
    private OptionalLong catchUp(UUID jobId, long after, SseEmitter emitter) throws IOException {
        long last = replay(jobId, after, emitter);
        for (int attempt = 0; attempt < CATCH_UP_ATTEMPTS; attempt++) {
            List<JobEvent> recent = bus.recentContinuing(jobId, last);
            if (recent != null) {
                for (JobEvent event : recent) {
                    last = send(emitter, event, last);
                }
                return OptionalLong.of(last);
            }
            eventLog.flush(jobId);
            last = replay(jobId, last, emitter);
        }
        return OptionalLong.empty();
    }

    private long replay(UUID jobId, long after, SseEmitter emitter) throws IOException {
        long last = after;
        while (true) {
            List<JobEvent> page = store.after(jobId, last, 500);
            for (JobEvent event : page) {
                last = send(emitter, event, last);
            }
            if (page.size() < 500) {
                return last;
            }
        }
    }

    private long send(SseEmitter emitter, JobEvent event, long last) throws IOException {
        if (event.seq() <= last) {
            if (TruncationMarker.of(event) != null) {
                // A newer version of a marker line this viewer passed: no id, so its Last-Event-ID stays.
                emitter.send(SseEmitter.event()
                        .name(event.type().eventName())
                        .data(payload(event), org.springframework.http.MediaType.TEXT_PLAIN));
            }
            return last;
        }
        emitter.send(SseEmitter.event()
                .id(Long.toString(event.seq()))
                .name(event.type().eventName())
                .data(payload(event), org.springframework.http.MediaType.TEXT_PLAIN)
                .reconnectTime(1000));
        return event.seq();
    }

    private String payload(JobEvent event) {
        if (event.type() != JobEvent.Type.LOG) {
            return event.data();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seq", event.seq());
        data.put("at", event.at().toString());
        data.put("nodeId", event.nodeId());
        data.put("nodeName", event.nodeName());
        data.put("stream", event.stream());
        data.put("text", event.data());
        TruncationMarker.Dropped dropped = TruncationMarker.of(event);
        if (dropped != null) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("lines", dropped.lines());
            counts.put("bytes", dropped.bytes());
            data.put("dropped", counts);
        }
        return json.writeValueAsString(data);
    }

    private boolean isTerminal(JobEvent event) {
        if (event.type() != JobEvent.Type.STATUS) {
            return false;
        }
        JsonNode status = json.readTree(event.data()).get("status");
        return status != null && TERMINAL.contains(status.asString());
    }

    @Override
    public void destroy() {
        pumps.shutdownNow();
    }
}
