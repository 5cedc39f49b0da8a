package dev.ascendcp.serving;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One state change of a cluster's endpoint. */
@Entity
@Table(name = "serving_event")
class ServingEvent {

    @Id
    private UUID id;

    @Column(name = "cluster_id", nullable = false)
    private UUID clusterId;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private @Nullable ServingState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private ServingState toState;

    private @Nullable String reason;
    private @Nullable String message;

    protected ServingEvent() {
        this.id = new UUID(0, 0);
        this.clusterId = id;
        this.at = Instant.EPOCH;
        this.toState = ServingState.STOPPED;
    }

    ServingEvent(
            UUID clusterId,
            Instant at,
            @Nullable ServingState fromState,
            ServingState toState,
            @Nullable String reason,
            @Nullable String message) {
        this.id = UUID.randomUUID();
        this.clusterId = clusterId;
        this.at = at;
        this.fromState = fromState;
        this.toState = toState;
        this.reason = reason;
        this.message = Texts.cut(message, 2000);
    }

    ServingEventView toView() {
        return new ServingEventView(at, fromState, toState, reason, message);
    }
}
