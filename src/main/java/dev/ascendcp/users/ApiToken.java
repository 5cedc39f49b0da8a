package dev.ascendcp.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token; only the SHA-256 hash of its secret is stored. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private @Nullable UserAccount owner;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    protected ApiToken() {
        this.id = UUID.randomUUID();
        this.name = "";
        this.tokenHash = "";
        this.createdAt = Instant.EPOCH;
    }

    ApiToken(UserAccount owner, String name, String tokenHash, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    UserAccount owner() {
        if (owner == null) {
            throw new IllegalStateException("token " + id + " has no owner");
        }
        return owner;
    }

    /** Records a use, at most once per {@code resolution}. */
    void markUsed(Instant now, Duration resolution) {
        if (lastUsedAt == null || lastUsedAt.plus(resolution).isBefore(now)) {
            lastUsedAt = now;
        }
    }

    TokenResponse toResponse() {
        return new TokenResponse(id, name, createdAt, lastUsedAt);
    }
}
