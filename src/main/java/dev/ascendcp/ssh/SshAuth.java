package dev.ascendcp.ssh;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How to log in: a private key (its text, optionally with a passphrase) or a password. Never renders a secret. */
public sealed interface SshAuth permits SshAuth.Key, SshAuth.Password {

    /** Key authentication from the private key text (OpenSSH or PEM; RSA, ECDSA or Ed25519). */
    static SshAuth key(String privateKey, @Nullable String passphrase) {
        return new Key(privateKey, passphrase);
    }

    /** Key authentication from an unencrypted private key text. */
    static SshAuth key(String privateKey) {
        return new Key(privateKey, null);
    }

    static SshAuth password(String password) {
        return new Password(password);
    }

    /** A private key in text form. */
    record Key(String privateKey, @Nullable String passphrase) implements SshAuth {
        public Key {
            Objects.requireNonNull(privateKey, "privateKey");
            if (privateKey.isBlank()) {
                throw new IllegalArgumentException("private key must not be blank");
            }
        }

        @Override
        public String toString() {
            return "Key[privateKey=****, passphrase=" + (passphrase == null ? "none" : "****") + "]";
        }
    }

    /** A login password. */
    record Password(String password) implements SshAuth {
        public Password {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[****]";
        }
    }
}
