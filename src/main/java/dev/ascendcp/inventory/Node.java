package dev.ascendcp.inventory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A server reachable over SSH, with its pinned host key and the key it last offered when that did not match. */
@Entity
@Table(name = "node")
class Node {

    @Id
    private UUID id;

    private String name;
    private String host;
    private int sshPort;
    private UUID credentialId;
    private boolean sudo;
    private String localIp;
    private String nicName;
    private int npuCount;
    private @Nullable String jumpHost;
    private @Nullable Integer jumpPort;
    private @Nullable UUID jumpCredentialId;

    @Enumerated(EnumType.STRING)
    private HostKeyPolicy hostKeyPolicy;

    private @Nullable String hostKeyAlgorithm;
    private @Nullable String hostKeyFingerprint;
    private @Nullable String hostKeyBlob;
    private @Nullable Instant hostKeyFirstSeenAt;

    @Column(name = "pending_key_algorithm")
    private @Nullable String pendingKeyAlgorithm;

    @Column(name = "pending_key_fingerprint")
    private @Nullable String pendingKeyFingerprint;

    @Column(name = "pending_key_blob")
    private @Nullable String pendingKeyBlob;

    @Column(name = "pending_key_seen_at")
    private @Nullable Instant pendingKeySeenAt;

    @ElementCollection
    @CollectionTable(name = "node_label", joinColumns = @JoinColumn(name = "node_id"))
    @MapKeyColumn(name = "label_key")
    @Column(name = "label_value")
    private Map<String, String> labels = new TreeMap<>();

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    protected Node() {
        this(Instant.EPOCH);
    }

    Node(Instant now) {
        this.id = UUID.randomUUID();
        this.name = "";
        this.host = "";
        this.credentialId = new UUID(0, 0);
        this.localIp = "";
        this.nicName = "";
        this.hostKeyPolicy = HostKeyPolicy.TOFU;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Copies a validated request; a changed address keeps the pin, so a different machine shows as a mismatch. */
    void update(NodeRequest request, Instant now) {
        this.name = request.name();
        this.host = request.host();
        this.sshPort = request.sshPortOrDefault();
        this.credentialId = request.credentialId();
        this.sudo = Boolean.TRUE.equals(request.sudo());
        this.localIp = request.localIpOrDefault();
        this.nicName = request.nicName();
        this.npuCount = request.npuCount();
        NodeRequest.JumpHost jump = request.jumpHost();
        this.jumpHost = jump == null ? null : jump.host();
        this.jumpPort = jump == null ? null : jump.portOrDefault();
        this.jumpCredentialId = jump == null ? null : jump.credentialId();
        this.hostKeyPolicy = request.hostKeyPolicy() == null ? HostKeyPolicy.TOFU : request.hostKeyPolicy();
        this.labels.clear();
        if (request.labels() != null) {
            this.labels.putAll(request.labels());
        }
        this.updatedAt = now;
    }

    void pinHostKey(String algorithm, String fingerprint, String blob, Instant at) {
        this.hostKeyAlgorithm = algorithm;
        this.hostKeyFingerprint = fingerprint;
        this.hostKeyBlob = blob;
        this.hostKeyFirstSeenAt = at;
        this.pendingKeyAlgorithm = null;
        this.pendingKeyFingerprint = null;
        this.pendingKeyBlob = null;
        this.pendingKeySeenAt = null;
        this.updatedAt = at;
    }

    void offerHostKey(String algorithm, String fingerprint, String blob, Instant at) {
        this.pendingKeyAlgorithm = algorithm;
        this.pendingKeyFingerprint = fingerprint;
        this.pendingKeyBlob = blob;
        this.pendingKeySeenAt = at;
        this.updatedAt = at;
    }

    /** Pins the pending key; the caller has checked that there is one. */
    void trustPendingHostKey(Instant at) {
        pinHostKey(
                String.valueOf(pendingKeyAlgorithm),
                String.valueOf(pendingKeyFingerprint),
                String.valueOf(pendingKeyBlob),
                at);
    }

    boolean hasPinnedHostKey() {
        return hostKeyFingerprint != null;
    }

    boolean usesCredential(UUID credential) {
        return credential.equals(credentialId) || credential.equals(jumpCredentialId);
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getHost() {
        return host;
    }

    int getSshPort() {
        return sshPort;
    }

    UUID getCredentialId() {
        return credentialId;
    }

    boolean isSudo() {
        return sudo;
    }

    String getLocalIp() {
        return localIp;
    }

    String getNicName() {
        return nicName;
    }

    int getNpuCount() {
        return npuCount;
    }

    @Nullable
    String getJumpHost() {
        return jumpHost;
    }

    @Nullable
    Integer getJumpPort() {
        return jumpPort;
    }

    @Nullable
    UUID getJumpCredentialId() {
        return jumpCredentialId;
    }

    HostKeyPolicy getHostKeyPolicy() {
        return hostKeyPolicy;
    }

    @Nullable
    String getHostKeyAlgorithm() {
        return hostKeyAlgorithm;
    }

    @Nullable
    String getHostKeyFingerprint() {
        return hostKeyFingerprint;
    }

    @Nullable
    String getHostKeyBlob() {
        return hostKeyBlob;
    }

    @Nullable
    Instant getHostKeyFirstSeenAt() {
        return hostKeyFirstSeenAt;
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

    Map<String, String> getLabels() {
        return labels;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
