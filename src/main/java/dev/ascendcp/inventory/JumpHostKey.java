package dev.ascendcp.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The pinned host key of one jump host endpoint, shared by every node behind it, and the key it last offered when
 * that did not match. A row may hold only a pending key: a STRICT node found no pin and was refused.
 */
@Entity
@Table(name = "jump_host_key")
class JumpHostKey {

    @Id
    private UUID id;

    private String host;
    private int port;
    private @Nullable String algorithm;
    private @Nullable String fingerprint;
    private @Nullable String publicKeyBlob;
    private @Nullable Instant firstSeenAt;

    @Column(name = "pending_key_algorithm")
    private @Nullable String pendingKeyAlgorithm;

    @Column(name = "pending_key_fingerprint")
    private @Nullable String pendingKeyFingerprint;

    @Column(name = "pending_key_blob")
    private @Nullable String pendingKeyBlob;

    @Column(name = "pending_key_seen_at")
    private @Nullable Instant pendingKeySeenAt;

    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    protected JumpHostKey() {
        this(JumpEndpoint.of("", 0), Instant.EPOCH);
    }

    JumpHostKey(JumpEndpoint endpoint, Instant now) {
        this.id = UUID.randomUUID();
        this.host = endpoint.host();
        this.port = endpoint.port();
        this.updatedAt = now;
    }

    /** Pins a key and forgets any pending one. */
    void pin(String keyAlgorithm, String keyFingerprint, String blob, Instant at) {
        this.algorithm = keyAlgorithm;
        this.fingerprint = keyFingerprint;
        this.publicKeyBlob = blob;
        this.firstSeenAt = at;
        this.pendingKeyAlgorithm = null;
        this.pendingKeyFingerprint = null;
        this.pendingKeyBlob = null;
        this.pendingKeySeenAt = null;
        this.updatedAt = at;
    }

    /** Remembers a key that was refused, for an ADMIN to trust. */
    void offer(String keyAlgorithm, String keyFingerprint, String blob, Instant at) {
        this.pendingKeyAlgorithm = keyAlgorithm;
        this.pendingKeyFingerprint = keyFingerprint;
        this.pendingKeyBlob = blob;
        this.pendingKeySeenAt = at;
        this.updatedAt = at;
    }

    /** Pins the pending key; the caller has checked that there is one. */
    void trustPending(Instant at) {
        pin(
                String.valueOf(pendingKeyAlgorithm),
                String.valueOf(pendingKeyFingerprint),
                String.valueOf(pendingKeyBlob),
                at);
    }

    boolean hasPin() {
        return fingerprint != null;
    }

    JumpEndpoint endpoint() {
        return new JumpEndpoint(host, port);
    }

    @Nullable
    String getAlgorithm() {
        return algorithm;
    }

    @Nullable
    String getFingerprint() {
        return fingerprint;
    }

    @Nullable
    String getPublicKeyBlob() {
        return publicKeyBlob;
    }

    @Nullable
    Instant getFirstSeenAt() {
        return firstSeenAt;
    }

    @Nullable
    String getPendingKeyAlgorithm() {
        return pendingKeyAlgorithm;
    }

    @Nullable
    String getPendingKeyFingerprint() {
        return pendingKeyFingerprint;
    }

    @Nullable
    Instant getPendingKeySeenAt() {
        return pendingKeySeenAt;
    }
}
