package dev.ascendcp.jobs;

import dev.ascendcp.audit.AuditLog;
import dev.ascendcp.jobs.engine.JobEngine;
import dev.ascendcp.jobs.engine.JobEvents;
import dev.ascendcp.jobs.engine.JobPlanner;
import dev.ascendcp.jobs.engine.PreparedJob;
import dev.ascendcp.jobs.engine.ReplicaId;
import dev.ascendcp.jobs.logs.EventStore;
import dev.ascendcp.jobs.logs.JobEvent;
import dev.ascendcp.jobs.model.ClusterLocks;
import dev.ascendcp.jobs.model.JobRepository;
import dev.ascendcp.jobs.model.JobStore;
import dev.ascendcp.jobs.model.JobStore.NewStep;
import dev.ascendcp.jobs.model.JobViews;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs module's API: start a phase on a cluster, read, list, cancel and retry jobs, read their output. The caller
 * is the authenticated user ({@link AuditLog#currentActor()}), recorded as {@code requestedBy} and in the audit trail.
 */
@Service
public class JobService {

    private final JobPlanner planner;
    private final JobStore store;
    private final JobRepository jobs;
    private final ClusterLocks locks;
    private final JobEngine engine;
    private final JobEvents events;
    private final EventStore eventStore;
    private final AuditLog audit;
    private final JobsProperties properties;
    private final ReplicaId replica;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    JobService(
            JobPlanner planner,
            JobStore store,
            JobRepository jobs,
            ClusterLocks locks,
            JobEngine engine,
            JobEvents events,
            EventStore eventStore,
            AuditLog audit,
            JobsProperties properties,
            ReplicaId replica,
            PlatformTransactionManager transactions) {
        this.planner = planner;
        this.store = store;
        this.jobs = jobs;
        this.locks = locks;
        this.engine = engine;
        this.events = events;
        this.eventStore = eventStore;
        this.audit = audit;
        this.properties = properties;
        this.replica = replica;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Starts a phase on a whole cluster: 404 unknown cluster, 422 invalid options, 409 when the cluster is busy. */
    public JobView start(UUID clusterId, PhaseKind phase, Map<String, Object> options) {
        return admit(JobRequest.of(clusterId, phase, options, AuditLog.currentActor()), "job.start");
    }

    /** A new job over the nodes of a finished job that did not complete (409 if the job runs or nothing failed). */
    public JobView retry(UUID jobId) {
        JobView original = store.find(jobId);
        if (!original.status().isTerminal()) {
            throw JobConflictException.notRetryable(jobId, "is still " + original.status());
        }
        Set<UUID> nodes = nodesToRetry(original);
        if (original.status() == JobStatus.SUCCEEDED || nodes.isEmpty()) {
            throw JobConflictException.notRetryable(jobId, "has no failed node to retry");
        }
        JobRequest request = new JobRequest(
                original.clusterId(), original.phase(), original.options(), AuditLog.currentActor(), jobId, nodes);
        return admit(request, "job.retry");
    }

    /** Cancels a queued or running job (409 once it has finished); its remote commands are stopped. */
    public JobView cancel(UUID jobId) {
        String actor = AuditLog.currentActor();
        for (int attempt = 0; ; attempt++) {
            try {
                return cancelOnce(jobId, actor);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Transactional(readOnly = true)
    public JobView find(UUID jobId) {
        return store.find(jobId);
    }

    @Transactional(readOnly = true)
    public Page<JobSummary> list(JobFilter filter, Pageable pageable) {
        return jobs.search(filter.clusterId(), filter.phase(), filter.status(), pageable)
                .map(JobViews::summary);
    }

    /** Streams the stored output lines of a job in order, optionally of one node (by name or id). */
    @Transactional(readOnly = true)
    public void forEachLine(UUID jobId, @Nullable String node, Consumer<LogLine> consumer) {
        if (!jobs.existsById(jobId)) {
            throw JobNotFoundException.forId(jobId);
        }
        eventStore.forEachLine(
                jobId,
                node,
                e -> consumer.accept(new LogLine(
                        e.seq(),
                        e.at(),
                        e.nodeId(),
                        e.nodeName(),
                        e.stream() == null ? LogStream.STDOUT : e.stream(),
                        e.data())));
    }

    private JobView admit(JobRequest request, String action) {
        PreparedJob prepared = planner.prepare(request);
        locks.ensureRow(request.clusterId());
        Instant now = clock.instant();
        JobView view = transaction.execute(status -> {
            JobView admitted = store.admit(
                    request.clusterId(),
                    prepared.targets().clusterName(),
                    request.phase(),
                    request.requestedBy(),
                    request.options(),
                    request.retryOf(),
                    newSteps(prepared.plan()),
                    replica.value(),
                    now,
                    now.plus(properties.lease()));
            eventStore.insert(List.of(new JobEvent(
                    admitted.id(), 1, JobEvent.Type.STATUS, now, null, null, null, null, events.statusJson(admitted))));
            audit.record(
                    action,
                    "job:" + admitted.id(),
                    request.phase() + " on cluster "
                            + prepared.targets().clusterName()
                            + (request.retryOf() == null ? "" : " (retry of " + request.retryOf() + ")"));
            return admitted;
        });
        engine.dispatch(prepared, view);
        return view;
    }

    private JobView cancelOnce(UUID jobId, String actor) {
        JobView job = store.find(jobId);
        if (job.status().isTerminal()) {
            throw JobConflictException.alreadyFinished(jobId, job.status());
        }
        transaction.executeWithoutResult(status -> {
            store.requestCancel(jobId, actor);
            audit.record(actor, "job.cancel", "job:" + jobId, job.phase() + " on cluster " + job.clusterName());
        });
        if (!engine.cancel(jobId, actor) && job.status() == JobStatus.QUEUED && !engine.isRunningHere(jobId)) {
            List<StepView> changed =
                    store.endAbandoned(jobId, JobStatus.CANCELLED, "cancelled by " + actor, clock.instant());
            if (changed != null) {
                changed.forEach(step -> events.step(jobId, step));
                events.status(store.find(jobId));
            }
        }
        return store.find(jobId);
    }

    private static List<NewStep> newSteps(JobPlan plan) {
        List<NewStep> steps = new ArrayList<>();
        for (int stage = 0; stage < plan.stages().size(); stage++) {
            List<JobPlan.PlannedStep> planned = plan.stages().get(stage);
            for (int position = 0; position < planned.size(); position++) {
                JobPlan.PlannedStep step = planned.get(position);
                steps.add(new NewStep(step.node().nodeId(), step.node().nodeName(), step.name(), stage, position));
            }
        }
        return steps;
    }

    /** Nodes that did not complete: a step FAILED or CANCELLED, or a step that never ran. */
    static Set<UUID> nodesToRetry(JobView job) {
        Set<UUID> nodes = new LinkedHashSet<>();
        for (StepView step : job.steps()) {
            boolean neverRan = step.attempts() == 0 && step.status() != StepStatus.SUCCEEDED;
            if (step.status() == StepStatus.FAILED || step.status() == StepStatus.CANCELLED || neverRan) {
                nodes.add(step.nodeId());
            }
        }
        return nodes;
    }
}
