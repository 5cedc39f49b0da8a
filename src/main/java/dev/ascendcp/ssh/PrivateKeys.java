package dev.ascendcp.ssh;

import com.hierynomus.sshj.userauth.keyprovider.OpenSSHKeyV1KeyFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Locale;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.PKCS8KeyFile;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import org.jspecify.annotations.Nullable;

/**
 * Reads SSH private keys as an operator pastes them: OpenSSH ({@code BEGIN OPENSSH PRIVATE KEY}) or PEM (PKCS#1,
 * SEC1, PKCS#8), RSA, ECDSA or Ed25519, optionally protected by a passphrase. Nothing about the key's secret part
 * ever appears in an exception message.
 */
public final class PrivateKeys {

    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private PrivateKeys() {}

    /** What a private key is: its public half's algorithm, fingerprint and wire form (base64). */
    public record KeyInfo(String algorithm, String fingerprint, String publicKeyBase64, boolean encrypted) {}

    /** Why a key was refused; {@link #field()} names the request field to blame. */
    public enum Problem {
        MALFORMED("privateKey", "is not a readable OpenSSH or PEM private key"),
        UNSUPPORTED("privateKey", "has an unsupported format or algorithm (use RSA, ECDSA or Ed25519)"),
        PASSPHRASE_REQUIRED("passphrase", "is required: the private key is encrypted"),
        WRONG_PASSPHRASE("passphrase", "does not decrypt the private key");

        private final String field;
        private final String message;

        Problem(String field, String message) {
            this.field = field;
            this.message = message;
        }

        public String field() {
            return field;
        }

        public String message() {
            return message;
        }
    }

    /** A private key that cannot be used; the message never quotes the key. */
    public static final class InvalidPrivateKeyException extends IllegalArgumentException {

        private final Problem problem;

        InvalidPrivateKeyException(Problem problem) {
            super(problem.field() + " " + problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * Parses and, when encrypted, decrypts a private key to check that it is usable.
     *
     * @param privateKeyText the key file's text
     * @param passphrase the passphrase, or {@code null}/empty for an unencrypted key; it is not modified
     * @throws InvalidPrivateKeyException when the key is malformed, unsupported or cannot be decrypted
     */
    public static KeyInfo inspect(String privateKeyText, char @Nullable [] passphrase) {
        String text = privateKeyText.replace("\r\n", "\n").strip();
        boolean encrypted = isEncrypted(text);
        boolean hasPassphrase = passphrase != null && passphrase.length > 0;
        if (encrypted && !hasPassphrase) {
            throw new InvalidPrivateKeyException(Problem.PASSPHRASE_REQUIRED);
        }
        FileKeyProvider provider = text.startsWith(OPENSSH_BEGIN) ? new OpenSSHKeyV1KeyFile() : new PKCS8KeyFile();
        if (encrypted) {
            provider.init(text, null, PasswordUtils.createOneOff(passphrase.clone()));
        } else {
            provider.init(text, null);
        }
        PublicKey publicKey;
        try {
            provider.getPrivate();
            publicKey = provider.getPublic();
        } catch (Exception | LinkageError e) {
            throw new InvalidPrivateKeyException(encrypted ? Problem.WRONG_PASSPHRASE : Problem.MALFORMED);
        }
        if (publicKey == null) {
            throw new InvalidPrivateKeyException(Problem.UNSUPPORTED);
        }
        byte[] blob;
        try {
            blob = PublicKeys.blob(publicKey);
        } catch (RuntimeException e) {
            throw new InvalidPrivateKeyException(Problem.UNSUPPORTED);
        }
        String algorithm = PublicKeys.algorithm(blob);
        if (algorithm.startsWith("ssh-dss")) {
            throw new InvalidPrivateKeyException(Problem.UNSUPPORTED);
        }
        return new KeyInfo(
                algorithm, PublicKeys.fingerprint(blob), Base64.getEncoder().encodeToString(blob), encrypted);
    }

    private static boolean isEncrypted(String text) {
        if (text.startsWith(OPENSSH_BEGIN)) {
            return !"none".equals(openSshCipher(text));
        }
        if (!text.startsWith("-----BEGIN ") || !text.contains("PRIVATE KEY-----")) {
            throw new InvalidPrivateKeyException(Problem.MALFORMED);
        }
        String header = text.substring(0, text.indexOf("-----", 11) + 5).toUpperCase(Locale.ROOT);
        if (!header.matches("-----BEGIN (RSA |EC |ENCRYPTED |)PRIVATE KEY-----")) {
            throw new InvalidPrivateKeyException(Problem.UNSUPPORTED);
        }
        return header.contains("ENCRYPTED") || text.contains("Proc-Type: 4,ENCRYPTED");
    }

    private static String openSshCipher(String text) {
        int end = text.indexOf(OPENSSH_END);
        if (end < 0) {
            throw new InvalidPrivateKeyException(Problem.MALFORMED);
        }
        String body = text.substring(OPENSSH_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(body));
            byte[] magic = new byte[OPENSSH_MAGIC.length];
            buffer.get(magic);
            if (!java.util.Arrays.equals(magic, OPENSSH_MAGIC)) {
                throw new InvalidPrivateKeyException(Problem.MALFORMED);
            }
            int length = buffer.getInt();
            if (length < 0 || length > 64) {
                throw new InvalidPrivateKeyException(Problem.MALFORMED);
            }
            byte[] cipher = new byte[length];
            buffer.get(cipher);
            return new String(cipher, StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            if (e instanceof InvalidPrivateKeyException invalid) {
                throw invalid;
            }
            throw new InvalidPrivateKeyException(Problem.MALFORMED);
        }
    }
}
