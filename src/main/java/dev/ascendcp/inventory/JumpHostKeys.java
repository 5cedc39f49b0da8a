package dev.ascendcp.inventory;

import dev.ascendcp.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What jump host keys turned out to be: the first key of a bastion reached by a TOFU node is pinned for its endpoint,
 * a refused key is kept as pending. Each method runs in a short transaction of its own; creating the row of a new
 * endpoint may lose a race with another connection through the same bastion (a {@code DataIntegrityViolationException}
 * the caller retries once).
 */
@Service
class JumpHostKeys {

    private final JumpHostKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    JumpHostKeys(JumpHostKeyRepository keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** The endpoint of the node's jump host, or {@code null} when the node is reached directly. */
    static @Nullable JumpEndpoint endpointOf(Node node) {
        String host = node.getJumpHost();
        return host == null ? null : JumpEndpoint.of(host, node.getJumpPort() == null ? 22 : node.getJumpPort());
    }

    /**
     * Pins the key a bastion showed to a TOFU connection, unless the endpoint has a pin already (then the answer is
     * whether it is this key) or a different key is pending there (refused: an ADMIN has not decided about that one).
     *
     * @return whether the offered key is now the endpoint's pinned key
     */
    @Transactional
    boolean recordFirstSeen(JumpEndpoint endpoint, String algorithm, String fingerprint, String publicKeyBase64) {
        NodeConnections.checkKey(algorithm, fingerprint, publicKeyBase64);
        JumpHostKey key = keys.find(endpoint).orElse(null);
        Instant now = Instant.now(clock);
        if (key == null) {
            key = new JumpHostKey(endpoint, now);
        } else if (key.hasPin()) {
            return fingerprint.equals(key.getFingerprint());
        } else if (key.getPendingKeyFingerprint() != null && !fingerprint.equals(key.getPendingKeyFingerprint())) {
            offer(key, algorithm, fingerprint, publicKeyBase64, now);
            return false;
        }
        key.pin(algorithm, fingerprint, publicKeyBase64, now);
        keys.saveAndFlush(key);
        audit.record("jump-host.host-key.first-seen", endpoint.auditTarget(), algorithm + " " + fingerprint);
        return true;
    }

    /** Remembers a key that did not match the endpoint's pin (or that a STRICT node found unpinned). */
    @Transactional
    void recordOffered(JumpEndpoint endpoint, String algorithm, String fingerprint, String publicKeyBase64) {
        NodeConnections.checkKey(algorithm, fingerprint, publicKeyBase64);
        JumpHostKey key = keys.find(endpoint).orElseGet(() -> new JumpHostKey(endpoint, Instant.now(clock)));
        if (fingerprint.equals(key.getFingerprint()) || fingerprint.equals(key.getPendingKeyFingerprint())) {
            return;
        }
        offer(key, algorithm, fingerprint, publicKeyBase64, Instant.now(clock));
    }

    private void offer(JumpHostKey key, String algorithm, String fingerprint, String publicKeyBase64, Instant now) {
        key.offer(algorithm, fingerprint, publicKeyBase64, now);
        keys.saveAndFlush(key);
        audit.record(
                "jump-host.host-key.mismatch",
                key.endpoint().auditTarget(),
                "offered " + algorithm + " " + fingerprint + ", pinned "
                        + (key.getFingerprint() == null ? "none" : key.getFingerprint()));
    }
}
