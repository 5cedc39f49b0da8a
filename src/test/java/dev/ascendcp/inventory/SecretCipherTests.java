package dev.ascendcp.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTests {

    @TempDir
    Path dir;

    @Test
    void encryptsWithAFreshIvAndTheKeyIdAndDecryptsBack() {
        SecretCipher cipher = new SecretCipher(new byte[32]);

        String first = cipher.encrypt("hunter2");
        String second = cipher.encrypt("hunter2");

        assertThat(first)
                .startsWith("v1:" + cipher.keyId() + ":")
                .isNotEqualTo(second)
                .doesNotContain("hunter2");
        byte[] raw = Base64.getDecoder().decode(first.split(":")[2]);
        assertThat(raw).hasSize(12 + "hunter2".length() + 16);
        assertThat(cipher.decrypt(first)).isEqualTo("hunter2");
    }

    @Test
    void refusesATamperedValueOrAnotherKey() {
        SecretCipher cipher = new SecretCipher(new byte[32]);
        String sealed = cipher.encrypt("hunter2");
        byte[] raw = Base64.getDecoder().decode(sealed.split(":")[2]);
        raw[14] ^= 1;
        String tampered = "v1:" + cipher.keyId() + ":" + Base64.getEncoder().encodeToString(raw);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> new SecretCipher(otherKey).decrypt(sealed)).hasMessageContaining("master key");
    }

    @Test
    void generatesTheKeyFileOnceWithOwnerOnlyPermissionsAndReadsItBack() throws Exception {
        Path file = dir.resolve("sub/master.key");

        byte[] key = MasterKeyLoader.load(null, file);

        assertThat(key).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(MasterKeyLoader.load(null, file)).isEqualTo(key);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void prefersTheEnvironmentKeyAndFailsFastOnAWrongOne() {
        byte[] key = new byte[32];
        key[5] = 7;
        Path file = dir.resolve("unused.key");

        assertThat(MasterKeyLoader.load(Base64.getEncoder().encodeToString(key), file))
                .isEqualTo(key);
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> MasterKeyLoader.load(Base64.getEncoder().encodeToString(new byte[16]), file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ASCENDCP_MASTER_KEY")
                .hasMessageContaining("exactly 32 random bytes")
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> MasterKeyLoader.load("not base64!", file)).hasMessageContaining("not valid base64");
    }
}
