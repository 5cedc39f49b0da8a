package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ascendcp.ssh.PrivateKeys.InvalidPrivateKeyException;
import dev.ascendcp.ssh.PrivateKeys.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keys made by {@code ssh-keygen} at test time, read back and fingerprinted exactly as {@code ssh-keygen -lf} does. */
class PrivateKeysTests {

    @TempDir
    Path dir;

    static Stream<Arguments> keys() {
        List<Arguments> all = new ArrayList<>();
        for (String type : List.of("rsa", "ecdsa", "ed25519")) {
            for (String format : List.of("RFC4716", "PEM", "PKCS8")) {
                if (type.equals("ed25519") && !format.equals("RFC4716")) {
                    continue; // ssh-keygen writes Ed25519 keys only in the OpenSSH format
                }
                all.add(Arguments.of(type, format, ""));
                all.add(Arguments.of(type, format, "correct horse battery"));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} passphrase=''{2}''")
    @MethodSource("keys")
    void readsKeysAndFingerprintsThemLikeSshKeygen(String type, String format, String passphrase) throws Exception {
        Path key = SshKeygen.generate(dir, type, format, passphrase);
        String text = Files.readString(key);

        PrivateKeys.KeyInfo info = PrivateKeys.inspect(text, passphrase.isEmpty() ? null : passphrase.toCharArray());

        assertThat(info.fingerprint()).isEqualTo(SshKeygen.fingerprint(key.resolveSibling("key.pub")));
        assertThat(info.encrypted()).isEqualTo(!passphrase.isEmpty());
        assertThat(PublicKeys.fingerprint(info.publicKeyBase64())).isEqualTo(info.fingerprint());
        assertThat(info.algorithm())
                .startsWith(type.equals("rsa") ? "ssh-rsa" : type.equals("ecdsa") ? "ecdsa" : "ssh-ed25519");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keys")
    void refusesAnEncryptedKeyWithoutOrWithTheWrongPassphrase(String type, String format, String passphrase)
            throws Exception {
        if (passphrase.isEmpty()) {
            return;
        }
        String text = Files.readString(SshKeygen.generate(dir, type, format, passphrase));

        assertThatThrownBy(() -> PrivateKeys.inspect(text, null))
                .isInstanceOfSatisfying(
                        InvalidPrivateKeyException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.PASSPHRASE_REQUIRED));
        assertThatThrownBy(() -> PrivateKeys.inspect(text, "wrong".toCharArray()))
                .isInstanceOfSatisfying(
                        InvalidPrivateKeyException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_PASSPHRASE));
    }

    @Test
    void refusesTextThatIsNotAKeyWithoutQuotingIt() {
        String secretish = "-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0LXN0dWZm\n-----END OPENSSH PRIVATE KEY-----";
        assertThatThrownBy(() -> PrivateKeys.inspect(secretish, null))
                .isInstanceOf(InvalidPrivateKeyException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c2VjcmV0"));
        assertThatThrownBy(() -> PrivateKeys.inspect("hello", null)).isInstanceOf(InvalidPrivateKeyException.class);
        assertThatThrownBy(() -> PrivateKeys.inspect(
                        "-----BEGIN DSA PRIVATE KEY-----\nAAAA\n-----END DSA PRIVATE KEY-----", null))
                .isInstanceOf(InvalidPrivateKeyException.class);
    }

    @Test
    void fingerprintsAPublicKeyLineLikeSshKeygen() throws Exception {
        Path key = SshKeygen.generate(dir, "ed25519", "RFC4716", "");
        String[] pub = Files.readString(key.resolveSibling("key.pub")).trim().split(" ");

        byte[] blob = java.util.Base64.getDecoder().decode(pub[1]);

        assertThat(PublicKeys.fingerprint(blob)).isEqualTo(SshKeygen.fingerprint(key.resolveSibling("key.pub")));
        assertThat(PublicKeys.algorithm(blob)).isEqualTo("ssh-ed25519");
    }

    /** Runs the real {@code ssh-keygen}. */
    static final class SshKeygen {

        static Path generate(Path dir, String type, String format, String passphrase)
                throws IOException, InterruptedException {
            Path sub = Files.createTempDirectory(dir, type);
            Path key = sub.resolve("key");
            run("ssh-keygen", "-q", "-t", type, "-m", format, "-N", passphrase, "-C", "test", "-f", key.toString());
            return key;
        }

        static String fingerprint(Path publicKey) throws IOException, InterruptedException {
            return run("ssh-keygen", "-lf", publicKey.toString()).split(" ")[1];
        }

        private static String run(String... command) throws IOException, InterruptedException {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            return out;
        }
    }
}
