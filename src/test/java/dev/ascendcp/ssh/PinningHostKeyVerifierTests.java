package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;

class PinningHostKeyVerifierTests {

    private final RecordingHostKeyListener listener = new RecordingHostKeyListener();

    @Test
    void trustsOnFirstUseOnceAndAcceptsTheSameKeyOnReKey() throws Exception {
        PublicKey key = newKey();
        PinningHostKeyVerifier verifier = new PinningHostKeyVerifier("node-a", HostKeyPolicy.TOFU, null, listener);

        assertThat(verifier.verify("h", 22, key)).isTrue();
        assertThat(verifier.verify("h", 22, key)).isTrue();

        assertThat(listener.firstSeen).singleElement().satisfies(seen -> {
            assertThat(seen.algorithm()).isEqualTo("ecdsa-sha2-nistp256");
            assertThat(seen.fingerprint()).startsWith("SHA256:").doesNotEndWith("=");
            assertThat(HostKeyPin.of(seen.algorithm(), seen.base64()).fingerprint())
                    .isEqualTo(seen.fingerprint());
        });
    }

    @Test
    void refusesAKeyThatChangesOnReKey() throws Exception {
        PinningHostKeyVerifier verifier = new PinningHostKeyVerifier("node-a", HostKeyPolicy.TOFU, null, listener);
        verifier.verify("h", 22, newKey());

        assertThat(verifier.verify("h", 22, newKey())).isFalse();
        assertThat(verifier.rejection().reason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
    }

    @Test
    void refusesAnotherKeyThanThePinnedOneAndReportsBoth() throws Exception {
        PublicKey pinnedKey = newKey();
        PublicKey offered = newKey();
        HostKeyPin pin = HostKeyPin.of("ecdsa-sha2-nistp256", base64(pinnedKey));
        PinningHostKeyVerifier verifier = new PinningHostKeyVerifier("node-a", HostKeyPolicy.STRICT, pin, listener);

        assertThat(verifier.verify("h", 22, offered)).isFalse();

        assertThat(verifier.rejection().expectedFingerprint()).isEqualTo(pin.fingerprint());
        assertThat(listener.mismatches)
                .singleElement()
                .satisfies(m -> assertThat(m.offeredBase64()).isEqualTo(base64(offered)));
        assertThat(listener.firstSeen).isEmpty();
        assertThat(verifier.findExistingAlgorithms("h", 22)).containsExactly("ecdsa-sha2-nistp256");
    }

    @Test
    void refusesAFirstSeenKeyTheListenerDidNotPin() throws Exception {
        listener.refuse.add("jump:bastion:22");
        PinningHostKeyVerifier verifier =
                new PinningHostKeyVerifier("jump:bastion:22", HostKeyPolicy.TOFU, null, listener);

        assertThat(verifier.verify("bastion", 22, newKey())).isFalse();

        assertThat(verifier.rejection().reason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
        assertThat(verifier.rejection().message()).contains("was not pinned on first use");
        assertThat(verifier.acceptedBase64()).isNull();
    }

    @Test
    void reportsTheKeyAStrictTargetWithoutAPinOffered() throws Exception {
        PublicKey offered = newKey();
        PinningHostKeyVerifier verifier =
                new PinningHostKeyVerifier("jump:bastion:22", HostKeyPolicy.STRICT, null, listener);

        assertThat(verifier.verify("bastion", 22, offered)).isFalse();

        assertThat(verifier.rejection().expectedFingerprint()).isNull();
        assertThat(listener.firstSeen).isEmpty();
        assertThat(listener.mismatches).singleElement().satisfies(m -> {
            assertThat(m.targetId()).isEqualTo("jump:bastion:22");
            assertThat(m.expectedFingerprint()).isNull();
            assertThat(m.offeredBase64()).isEqualTo(base64(offered));
        });
    }

    private static PublicKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair().getPublic();
    }

    private static String base64(PublicKey key) {
        return Base64.getEncoder()
                .encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }
}
