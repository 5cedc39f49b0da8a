package dev.ascendcp.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    private UUID id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String target;

    private @Nullable String detail;

    protected AuditEntry() {
        this.id = UUID.randomUUID();
        this.at = Instant.EPOCH;
        this.actor = "";
        this.action = "";
        this.target = "";
    }

    AuditEntry(Instant at, String actor, String action, String target, @Nullable String detail) {
        this.id = UUID.randomUUID();
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail;
    }

    AuditEvent toEvent() {
        return new AuditEvent(id, at, actor, action, target, detail);
    }
}
