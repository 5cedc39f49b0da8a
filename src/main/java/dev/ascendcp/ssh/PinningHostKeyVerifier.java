package dev.ascendcp.ssh;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the offered host key against the pin of one target, during the key exchange and so before any credential is
 * sent. Without a pin, TOFU accepts and reports the key, STRICT refuses. A refusal is remembered for the result.
 */
final class PinningHostKeyVerifier implements HostKeyVerifier {

    private static final Logger log = LoggerFactory.getLogger(PinningHostKeyVerifier.class);

    private final String targetId;
    private final HostKeyPolicy policy;
    private final @Nullable HostKeyPin pin;
    private final HostKeyListener listener;
    private volatile @Nullable ExecFailure rejection;
    private volatile @Nullable String acceptedBase64;

    PinningHostKeyVerifier(String targetId, HostKeyPolicy policy, @Nullable HostKeyPin pin, HostKeyListener listener) {
        this.targetId = targetId;
        this.policy = policy;
        this.pin = pin;
        this.listener = listener;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String algorithm = KeyType.fromKey(key).toString();
        String base64 = Base64.getEncoder()
                .encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
        String fingerprint = PublicKeys.fingerprint(Base64.getDecoder().decode(base64));
        String accepted = acceptedBase64;
        if (accepted != null) {
            // A re-key on a live connection: the key must be the one accepted at connect, and is not reported again.
            if (accepted.equals(base64)) {
                return true;
            }
            reject(ExecFailure.of(
                    FailureReason.HOST_KEY_MISMATCH,
                    "host key of " + targetId + " changed during a re-key (offered " + fingerprint + ")"));
            return false;
        }
        if (pin == null) {
            if (policy == HostKeyPolicy.STRICT) {
                reject(new ExecFailure(
                        FailureReason.HOST_KEY_MISMATCH,
                        "no pinned key for STRICT target " + targetId + " (" + hostname + ":" + port + " offered "
                                + algorithm + " " + fingerprint + "); nothing was sent, an admin must pin or trust"
                                + " the key",
                        null,
                        fingerprint));
                listener.onMismatch(targetId, null, algorithm, fingerprint, base64);
                return false;
            }
            if (!listener.onFirstSeen(targetId, algorithm, fingerprint, base64)) {
                reject(new ExecFailure(
                        FailureReason.HOST_KEY_MISMATCH,
                        "host key " + algorithm + " " + fingerprint + " of " + targetId + " (" + hostname + ":" + port
                                + ") was not pinned on first use: another key was pinned meanwhile or trust on first"
                                + " use is no longer allowed; nothing was sent",
                        null,
                        fingerprint));
                return false;
            }
            log.info("Trusted {} host key {} of {} on first use", algorithm, fingerprint, targetId);
            acceptedBase64 = base64;
            return true;
        }
        if (pin.base64().equals(base64)) {
            acceptedBase64 = base64;
            return true;
        }
        reject(new ExecFailure(
                FailureReason.HOST_KEY_MISMATCH,
                "host key of " + targetId + " (" + hostname + ":" + port + ") changed: expected " + pin.algorithm()
                        + " "
                        + pin.fingerprint() + ", offered " + algorithm + " " + fingerprint
                        + "; nothing was sent, an admin must trust the new key",
                pin.fingerprint(),
                fingerprint));
        listener.onMismatch(targetId, pin.fingerprint(), algorithm, fingerprint, base64);
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        // Ask for the pinned key's algorithm first, so a server with several host keys offers the pinned one.
        return pin == null ? List.of() : List.of(pin.algorithm());
    }

    @Nullable
    ExecFailure rejection() {
        return rejection;
    }

    @Nullable
    String acceptedBase64() {
        return acceptedBase64;
    }

    private void reject(ExecFailure failure) {
        log.warn("Refusing host key: {}", failure.message());
        rejection = failure;
    }
}
