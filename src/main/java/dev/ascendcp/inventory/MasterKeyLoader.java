package dev.ascendcp.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the master key: {@code ASCENDCP_MASTER_KEY} (base64 of exactly 32 bytes) or the key file, which is generated
 * once, atomically and with mode 0600, when it does not exist.
 */
final class MasterKeyLoader {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyLoader.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeyLoader() {}

    static byte[] load(@Nullable String fromEnvironment, Path file) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return decode(fromEnvironment, "ASCENDCP_MASTER_KEY");
        }
        if (Files.exists(file)) {
            try {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), "the master key file " + file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the master key file " + file, e);
            }
        }
        return generate(file);
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " must be base64 of exactly 32 random bytes (e.g. `openssl rand"
                    + " -base64 32`); it is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be base64 of exactly 32 random bytes (e.g. `openssl rand"
                    + " -base64 32`); it holds " + key.length + " bytes");
        }
        return key;
    }

    private static byte[] generate(Path file) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            // Written beside the target with 0600 from its creation, then linked into place in one step: a link never
            // replaces a key file that another process created meanwhile.
            Path temp = Files.createTempFile(dir, ".master-key", ".tmp", attributes);
            try {
                Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, temp);
                } catch (UnsupportedOperationException e) {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException e) {
            return load(null, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the master key file " + file, e);
        }
        log.warn(
                "Generated a new master key in {}; back it up: the stored SSH secrets cannot be read without it", file);
        return key;
    }
}
