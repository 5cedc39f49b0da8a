package dev.ascendcp.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 32)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserAccount() {
        this.id = UUID.randomUUID();
        this.username = "";
        this.passwordHash = "";
        this.role = Role.VIEWER;
        this.createdAt = Instant.EPOCH;
    }

    UserAccount(String username, String passwordHash, Role role, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    UserResponse toResponse() {
        return new UserResponse(id, username, role, createdAt);
    }
}
