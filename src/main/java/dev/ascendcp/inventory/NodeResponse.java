package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A node as the API shows it. {@code pendingHostKey} is the key last offered when it did not match the pin. */
public record NodeResponse(
        UUID id,
        String name,
        String host,
        int sshPort,
        UUID credentialId,
        boolean sudo,
        String localIp,
        String nicName,
        int npuCount,
        Map<String, String> labels,
        @Nullable UUID clusterId,
        @Nullable JumpHost jumpHost,
        HostKeyPolicy hostKeyPolicy,
        @Nullable HostKey hostKey,
        @Nullable PendingHostKey pendingHostKey,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * The node's bastion. {@code hostKey} is the key pinned for this host and port (shared by every node behind it),
     * {@code pendingHostKey} the one it last offered when that did not match or was not pinned on a STRICT node.
     */
    @Schema(name = "JumpHost")
    public record JumpHost(
            String host,
            int port,
            UUID credentialId,
            @Nullable HostKey hostKey,
            @Nullable PendingHostKey pendingHostKey) {}

    @Schema(name = "HostKey")
    public record HostKey(String algorithm, String fingerprint, Instant firstSeenAt) {}

    @Schema(name = "PendingHostKey")
    public record PendingHostKey(String algorithm, String fingerprint, Instant seenAt) {}

    static NodeResponse of(Node node, @Nullable UUID clusterId, @Nullable JumpHostKey jumpHostKey) {
        return new NodeResponse(
                node.getId(),
                node.getName(),
                node.getHost(),
                node.getSshPort(),
                node.getCredentialId(),
                node.isSudo(),
                node.getLocalIp(),
                node.getNicName(),
                node.getNpuCount(),
                Map.copyOf(node.getLabels()),
                clusterId,
                node.getJumpHost() == null ? null : jumpHost(node, jumpHostKey),
                node.getHostKeyPolicy(),
                node.getHostKeyFingerprint() == null
                        ? null
                        : new HostKey(
                                String.valueOf(node.getHostKeyAlgorithm()),
                                node.getHostKeyFingerprint(),
                                nonNull(node.getHostKeyFirstSeenAt())),
                node.getPendingKeyFingerprint() == null
                        ? null
                        : new PendingHostKey(
                                String.valueOf(node.getPendingKeyAlgorithm()),
                                node.getPendingKeyFingerprint(),
                                nonNull(node.getPendingKeySeenAt())),
                node.getCreatedAt(),
                node.getUpdatedAt());
    }

    private static JumpHost jumpHost(Node node, @Nullable JumpHostKey key) {
        HostKey pinned = key == null || key.getFingerprint() == null
                ? null
                : new HostKey(String.valueOf(key.getAlgorithm()), key.getFingerprint(), nonNull(key.getFirstSeenAt()));
        PendingHostKey pending = key == null || key.getPendingKeyFingerprint() == null
                ? null
                : new PendingHostKey(
                        String.valueOf(key.getPendingKeyAlgorithm()),
                        key.getPendingKeyFingerprint(),
                        nonNull(key.getPendingKeySeenAt()));
        return new JumpHost(
                String.valueOf(node.getJumpHost()),
                nonNull(node.getJumpPort()),
                nonNull(node.getJumpCredentialId()),
                pinned,
                pending);
    }

    private static <T> T nonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("inconsistent node row");
        }
        return value;
    }
}
