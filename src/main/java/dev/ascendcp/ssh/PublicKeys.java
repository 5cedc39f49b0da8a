package dev.ascendcp.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;

/**
 * SSH public keys in their wire form (the blob of an {@code authorized_keys} or {@code known_hosts} line, base64
 * decoded): the OpenSSH fingerprint and the algorithm name it declares.
 */
public final class PublicKeys {

    private PublicKeys() {}

    /** The fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:<base64 without padding>}. */
    public static String fingerprint(byte[] sshPublicKeyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sshPublicKeyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The fingerprint of a base64-encoded blob; a value that is not base64 is an {@link IllegalArgumentException}. */
    public static String fingerprint(String base64Blob) {
        return fingerprint(Base64.getDecoder().decode(base64Blob.trim()));
    }

    /**
     * The algorithm name at the start of a blob, e.g. {@code ssh-ed25519} or {@code ecdsa-sha2-nistp256}.
     *
     * @throws IllegalArgumentException when the blob does not start with a plausible SSH string
     */
    public static String algorithm(byte[] sshPublicKeyBlob) {
        if (sshPublicKeyBlob.length < 4) {
            throw new IllegalArgumentException("not an SSH public key: too short");
        }
        int length = ByteBuffer.wrap(sshPublicKeyBlob, 0, 4).getInt();
        if (length <= 0 || length > 64 || length > sshPublicKeyBlob.length - 4) {
            throw new IllegalArgumentException("not an SSH public key: bad algorithm name");
        }
        String name = new String(sshPublicKeyBlob, 4, length, StandardCharsets.US_ASCII);
        if (!name.matches("[a-z0-9@.-]+")) {
            throw new IllegalArgumentException("not an SSH public key: bad algorithm name");
        }
        return name;
    }

    /** The wire form of a JCA public key (RSA, ECDSA, Ed25519), as sshj writes it. */
    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }
}
