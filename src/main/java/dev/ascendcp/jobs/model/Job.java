package dev.ascendcp.jobs.model;

import dev.ascendcp.jobs.JobError;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.jobs.Progress;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * A tracked job on one cluster: the aggregate of its steps. Transitions are methods that refuse illegal moves with the
 * current state in the message; the lease fields say which replica runs it and until when its claim holds.
 */
@Entity
@Table(name = "job")
@DynamicUpdate
public class Job {

    @Id
    private UUID id;

    @Column(name = "cluster_id", nullable = false)
    private UUID clusterId;

    @Column(name = "cluster_name", nullable = false)
    private String clusterName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PhaseKind phase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(nullable = false)
    private String options;

    @Column(name = "retry_of")
    private @Nullable UUID retryOf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(name = "deadline_at")
    private @Nullable Instant deadlineAt;

    @Column(name = "error_reason")
    private @Nullable String errorReason;

    @Column(name = "error_message")
    private @Nullable String errorMessage;

    private @Nullable String owner;

    @Column(name = "lease_expires_at")
    private @Nullable Instant leaseExpiresAt;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "cancel_requested_by")
    private @Nullable String cancelRequestedBy;

    @Version
    private long version;

    @OneToMany(mappedBy = "job", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("stage, position, nodeName")
    private List<Step> steps = new ArrayList<>();

    protected Job() {
        this.id = UUID.randomUUID();
        this.clusterId = UUID.randomUUID();
        this.clusterName = "";
        this.phase = PhaseKind.VERIFY;
        this.status = JobStatus.QUEUED;
        this.requestedBy = "";
        this.options = "{}";
        this.createdAt = Instant.EPOCH;
    }

    public Job(
            UUID clusterId,
            String clusterName,
            PhaseKind phase,
            String requestedBy,
            String options,
            @Nullable UUID retryOf,
            Instant now) {
        this.id = UUID.randomUUID();
        this.clusterId = clusterId;
        this.clusterName = clusterName;
        this.phase = phase;
        this.status = JobStatus.QUEUED;
        this.requestedBy = requestedBy;
        this.options = options;
        this.retryOf = retryOf;
        this.createdAt = now;
    }

    /** Adds a pending step; {@code position} orders the steps of one node within a stage. */
    public Step addStep(UUID nodeId, String nodeName, String name, int stage, int position) {
        Step step = new Step(this, nodeId, nodeName, name, stage, position);
        steps.add(step);
        return step;
    }

    /** Records which replica holds the job and until when, without changing its status. */
    public void lease(String owner, Instant expiresAt) {
        if (status.isTerminal()) {
            throw illegal("be leased");
        }
        this.owner = owner;
        this.leaseExpiresAt = expiresAt;
    }

    public void markRunning(String owner, Instant now, Instant leaseExpiresAt, Instant deadline) {
        moveTo(JobStatus.RUNNING);
        this.owner = owner;
        this.leaseExpiresAt = leaseExpiresAt;
        this.startedAt = now;
        this.deadlineAt = deadline;
    }

    public void markSucceeded(Instant now) {
        finish(JobStatus.SUCCEEDED, null, now);
    }

    public void markFailed(JobError error, Instant now) {
        finish(JobStatus.FAILED, error, now);
    }

    public void markCancelled(String message, Instant now) {
        finish(JobStatus.CANCELLED, new JobError("CANCELLED", message), now);
    }

    public void markInterrupted(String message, Instant now) {
        finish(JobStatus.INTERRUPTED, new JobError("INTERRUPTED", message), now);
    }

    /** Asks the replica that runs the job to cancel it on behalf of {@code by}; refused once the job is over. */
    public void requestCancel(String by) {
        if (status.isTerminal()) {
            throw illegal("be cancelled");
        }
        if (!cancelRequested) {
            cancelRequested = true;
            cancelRequestedBy = Texts.clip(by, 100);
        }
    }

    private void finish(JobStatus next, @Nullable JobError error, Instant now) {
        moveTo(next);
        this.finishedAt = now;
        this.leaseExpiresAt = null;
        if (error != null) {
            this.errorReason = Texts.clip(error.reason(), 50);
            this.errorMessage = Texts.clip(error.message(), 2000);
        }
    }

    private void moveTo(JobStatus next) {
        if (!status.canTransitionTo(next)) {
            throw illegal("move to " + next);
        }
        status = next;
    }

    private IllegalStateException illegal(String what) {
        return new IllegalStateException("Job " + id + " cannot " + what + ": it is " + status);
    }

    public Progress progress() {
        int done = (int) steps.stream().filter(s -> s.status().isTerminal()).count();
        return new Progress(done, steps.size());
    }

    public @Nullable JobError error() {
        return errorReason == null ? null : new JobError(errorReason, errorMessage == null ? "" : errorMessage);
    }

    public UUID id() {
        return id;
    }

    public UUID clusterId() {
        return clusterId;
    }

    public String clusterName() {
        return clusterName;
    }

    public PhaseKind phase() {
        return phase;
    }

    public JobStatus status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String options() {
        return options;
    }

    public @Nullable UUID retryOf() {
        return retryOf;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }

    public @Nullable Instant deadlineAt() {
        return deadlineAt;
    }

    public @Nullable String owner() {
        return owner;
    }

    public @Nullable Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public @Nullable String cancelRequestedBy() {
        return cancelRequestedBy;
    }

    public List<Step> steps() {
        return steps;
    }
}
