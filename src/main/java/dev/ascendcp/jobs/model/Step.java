package dev.ascendcp.jobs.model;

import dev.ascendcp.jobs.StepStatus;
import dev.ascendcp.jobs.StepView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One step on one node; its transitions refuse illegal moves and name the current state. */
@Entity
@Table(name = "job_step")
public class Step {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id")
    private @Nullable Job job;

    @Column(name = "node_id", nullable = false)
    private UUID nodeId;

    @Column(name = "node_name", nullable = false)
    private String nodeName;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int stage;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StepStatus status;

    @Column(name = "exit_code")
    private @Nullable Integer exitCode;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    private @Nullable String reason;

    private @Nullable String message;

    @Version
    private long version;

    protected Step() {
        this.id = UUID.randomUUID();
        this.nodeId = UUID.randomUUID();
        this.nodeName = "";
        this.name = "";
        this.status = StepStatus.PENDING;
    }

    Step(Job job, UUID nodeId, String nodeName, String name, int stage, int position) {
        this.id = UUID.randomUUID();
        this.job = job;
        this.nodeId = nodeId;
        this.nodeName = nodeName;
        this.name = name;
        this.stage = stage;
        this.position = position;
        this.status = StepStatus.PENDING;
    }

    /** A new attempt starts (the first one moves PENDING → RUNNING). */
    public void markAttempt(int attempt, Instant now) {
        if (status == StepStatus.PENDING) {
            moveTo(StepStatus.RUNNING);
            startedAt = now;
        } else if (status != StepStatus.RUNNING) {
            throw illegal("start attempt " + attempt);
        }
        attempts = attempt;
    }

    public void markSucceeded(@Nullable String message, @Nullable Integer exitCode, Instant now) {
        finish(StepStatus.SUCCEEDED, null, message, exitCode, now);
    }

    public void markFailed(String reason, String message, @Nullable Integer exitCode, Instant now) {
        finish(StepStatus.FAILED, reason, message, exitCode, now);
    }

    public void markSkipped(String message, Instant now) {
        finish(StepStatus.SKIPPED, null, message, null, now);
    }

    public void markCancelled(String message, Instant now) {
        finish(StepStatus.CANCELLED, "CANCELLED", message, null, now);
    }

    private void finish(
            StepStatus next,
            @Nullable String reason,
            @Nullable String message,
            @Nullable Integer exitCode,
            Instant now) {
        moveTo(next);
        this.reason = reason;
        this.message = Texts.clip(message, 2000);
        this.exitCode = exitCode;
        this.finishedAt = now;
    }

    private void moveTo(StepStatus next) {
        if (!status.canTransitionTo(next)) {
            throw illegal("move to " + next);
        }
        status = next;
    }

    private IllegalStateException illegal(String what) {
        return new IllegalStateException("Step " + name + " on " + nodeName + " cannot " + what + ": it is " + status);
    }

    public StepView toView() {
        return new StepView(
                id,
                nodeId,
                nodeName,
                name,
                stage,
                position,
                status,
                exitCode,
                attempts,
                startedAt,
                finishedAt,
                reason,
                message);
    }

    public UUID id() {
        return id;
    }

    public UUID nodeId() {
        return nodeId;
    }

    public String nodeName() {
        return nodeName;
    }

    public String name() {
        return name;
    }

    public int stage() {
        return stage;
    }

    public int position() {
        return position;
    }

    public StepStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }
}
