package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinnedAlgorithmPreferenceTests {

    @Test
    void matchesSignatureAlgorithmsOfThePinnedKeyType() {
        assertThat(SshjConnector.signs("ssh-ed25519", "ssh-ed25519")).isTrue();
        assertThat(SshjConnector.signs("ssh-rsa", "rsa-sha2-512")).isTrue();
        assertThat(SshjConnector.signs("ssh-rsa", "ssh-rsa")).isTrue();
        assertThat(SshjConnector.signs("ecdsa-sha2-nistp256", "ssh-ed25519")).isFalse();
        assertThat(SshjConnector.signs("ssh-ed25519", "rsa-sha2-256")).isFalse();
    }
}
