package dev.ascendcp.jobs.logs;

import dev.ascendcp.jobs.LogStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The live event sequence of one job run on this replica, and what of it is not yet stored. */
final class JobLog {

    static final int MAX_LINE = 4000;

    /** What a flush must write. */
    record Batch(UUID jobId, List<JobEvent> inserts, List<Long> deletes, List<JobEvent> markers) {
        boolean isEmpty() {
            return inserts.isEmpty() && deletes.isEmpty() && markers.isEmpty();
        }
    }

    private final UUID jobId;
    private final long bytesPerStep;
    private final Clock clock;
    private final JobEventBus bus;
    private long nextSeq;
    private LinkedHashMap<Long, JobEvent> pending = new LinkedHashMap<>();
    private List<Long> deletes = new ArrayList<>();
    private final Map<UUID, StepLogLimiter> limiters = new HashMap<>();
    private final Map<UUID, JobEvent> dirtyMarkers = new HashMap<>();

    JobLog(UUID jobId, long lastSeq, long bytesPerStep, Clock clock, JobEventBus bus) {
        this.jobId = jobId;
        this.nextSeq = lastSeq + 1;
        this.bytesPerStep = bytesPerStep;
        this.clock = clock;
        this.bus = bus;
    }

    synchronized void line(@Nullable StepRef step, LogStream stream, String text) {
        String clipped = text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE - 1) + "…";
        long bytes = clipped.getBytes(StandardCharsets.UTF_8).length + 1L;
        if (step == null) {
            add(event(JobEvent.Type.LOG, null, stream, clipped));
            return;
        }
        StepLogLimiter limiter = limiters.computeIfAbsent(step.stepId(), id -> new StepLogLimiter(bytesPerStep));
        if (limiter.needsMarker(bytes)) {
            limiter.reserveMarker(() -> nextSeq++);
        }
        JobEvent event = event(JobEvent.Type.LOG, step, stream, clipped);
        add(event);
        List<Long> evicted = limiter.accept(event.seq(), bytes);
        if (!evicted.isEmpty()) {
            for (Long seq : evicted) {
                if (pending.remove(seq) == null) {
                    deletes.add(seq);
                }
            }
            dirtyMarkers.put(
                    step.stepId(),
                    new JobEvent(
                            jobId,
                            limiter.markerSeq(),
                            JobEvent.Type.LOG,
                            event.at(),
                            step.stepId(),
                            step.nodeId(),
                            step.nodeName(),
                            LogStream.SYSTEM,
                            limiter.markerText()));
        }
    }

    synchronized JobEvent emit(JobEvent.Type type, @Nullable StepRef step, String data) {
        JobEvent event = event(type, step, null, data);
        add(event);
        return event;
    }

    private JobEvent event(JobEvent.Type type, @Nullable StepRef step, @Nullable LogStream stream, String data) {
        return new JobEvent(
                jobId,
                nextSeq++,
                type,
                clock.instant(),
                step == null ? null : step.stepId(),
                step == null ? null : step.nodeId(),
                step == null ? null : step.nodeName(),
                stream,
                data);
    }

    private void add(JobEvent event) {
        pending.put(event.seq(), event);
        bus.publish(event);
    }

    synchronized Batch drain() {
        Batch batch =
                new Batch(jobId, new ArrayList<>(pending.values()), deletes, new ArrayList<>(dirtyMarkers.values()));
        pending = new LinkedHashMap<>();
        deletes = new ArrayList<>();
        dirtyMarkers.clear();
        return batch;
    }

    /** Puts a batch that could not be stored back, to be tried again with the next flush. */
    synchronized void restore(Batch batch) {
        LinkedHashMap<Long, JobEvent> merged = new LinkedHashMap<>();
        batch.inserts().forEach(e -> merged.put(e.seq(), e));
        merged.putAll(pending);
        pending = merged;
        deletes.addAll(0, batch.deletes());
        batch.markers().forEach(m -> dirtyMarkers.putIfAbsent(m.stepId(), m));
    }
}
