package dev.ascendcp.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** The demo's SSH key pair: generated once as OpenSSH files (private key mode 0600), then read back. */
record DemoKeys(String privateKey, String publicKeyLine) {

    private static final String PRIVATE = "id_ecdsa";
    private static final String PUBLIC = "id_ecdsa.pub";

    static DemoKeys loadOrCreate(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE);
        Path publicFile = dir.resolve(PUBLIC);
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            create(dir, privateFile, publicFile);
        }
        return new DemoKeys(
                Files.readString(privateFile), Files.readString(publicFile).trim());
    }

    private static void create(Path dir, Path privateFile, Path publicFile) throws IOException {
        Files.createDirectories(dir);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate the demo key", e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "ascendcp-demo", null, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the demo key", e);
        }
        Path temp = Files.createTempFile(
                dir,
                PRIVATE,
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temp, out.toByteArray());
        Files.move(temp, privateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(
                publicFile, PublicKeyEntry.toString(pair.getPublic()) + " ascendcp-demo\n", StandardCharsets.UTF_8);
    }
}
