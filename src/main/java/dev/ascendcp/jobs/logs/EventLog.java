package dev.ascendcp.jobs.logs;

import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.LogStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes job events: assigns each its sequence number, publishes it live at once and stores it in batches (one
 * transaction per flush, at least every {@code ascendcp.jobs.log-flush-interval}), so that a crash loses at most the
 * last interval.
 */
@Component
public class EventLog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);

    private final EventStore store;
    private final JobEventBus bus;
    private final JobsProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, JobLog> open = new ConcurrentHashMap<>();
    private final ReentrantLock flushing = new ReentrantLock();
    private final ScheduledExecutorService flusher;

    EventLog(EventStore store, JobEventBus bus, JobsProperties properties, PlatformTransactionManager transactions) {
        this.store = store;
        this.bus = bus;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "job-log-flusher");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.logFlushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts the live sequence of a job this replica is about to run. */
    public void open(UUID jobId) {
        open.computeIfAbsent(
                jobId,
                id -> new JobLog(
                        id, store.maxSeq(id), properties.logBytesPerStep().toBytes(), clock, bus));
    }

    public boolean isOpen(UUID jobId) {
        return open.containsKey(jobId);
    }

    public void line(UUID jobId, @Nullable StepRef step, LogStream stream, String text) {
        JobLog jobLog = open.get(jobId);
        if (jobLog != null) {
            jobLog.line(step, stream, text);
        }
    }

    public void emit(UUID jobId, JobEvent.Type type, @Nullable StepRef step, String data) {
        JobLog jobLog = open.get(jobId);
        if (jobLog != null) {
            if (type == JobEvent.Type.STATUS
                    && !org.springframework.transaction.support.TransactionSynchronizationManager
                            .isActualTransactionActive()) {
                // Stores (and so sends live) the final counts of truncation markers before the status that may end
                // a viewer's stream.
                flush(jobLog);
            }
            jobLog.emit(type, step, data);
        } else {
            appendNow(jobId, type, step, data);
        }
    }

    /** Stores and publishes an event of a job this replica does not run (e.g. the sweeper's INTERRUPTED). */
    private void appendNow(UUID jobId, JobEvent.Type type, @Nullable StepRef step, String data) {
        transaction.executeWithoutResult(status -> {
            JobEvent event = new JobEvent(
                    jobId,
                    store.maxSeq(jobId) + 1,
                    type,
                    clock.instant(),
                    step == null ? null : step.stepId(),
                    step == null ? null : step.nodeId(),
                    step == null ? null : step.nodeName(),
                    null,
                    data);
            store.insert(List.of(event));
            bus.publish(event);
        });
    }

    /** Stores everything pending of one job now. */
    public void flush(UUID jobId) {
        JobLog jobLog = open.get(jobId);
        if (jobLog != null) {
            flush(jobLog);
        }
    }

    /** Stores what is pending and ends the live sequence of a job. */
    public void close(UUID jobId) {
        flush(jobId);
        open.remove(jobId);
        bus.forget(jobId);
    }

    void flushAll() {
        open.values().forEach(this::flush);
    }

    private void flush(JobLog jobLog) {
        flushing.lock();
        try {
            JobLog.Batch batch = jobLog.drain();
            if (batch.isEmpty()) {
                return;
            }
            try {
                transaction.executeWithoutResult(status -> write(batch));
                batch.markers().forEach(bus::publishUpdate);
            } catch (RuntimeException e) {
                log.warn(
                        "Could not store {} events of job {} (will retry): {}",
                        batch.inserts().size(),
                        batch.jobId(),
                        e.getMessage());
                jobLog.restore(batch);
            }
        } finally {
            flushing.unlock();
        }
    }

    private void write(JobLog.Batch batch) {
        store.insert(batch.inserts());
        store.delete(batch.jobId(), batch.deletes());
        if (!batch.markers().isEmpty()) {
            store.delete(
                    batch.jobId(), batch.markers().stream().map(JobEvent::seq).toList());
            store.insert(batch.markers());
        }
    }

    @Override
    public void destroy() {
        flusher.shutdown();
        flushAll();
    }
}
