package dev.ascendcp.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An SSH login. {@code secret} and {@code passphrase} hold ciphertext only (see {@link SecretCipher}). */
@Entity
@Table(name = "credential")
class Credential {

    @Id
    private UUID id;

    private String name;

    private String username;

    @Enumerated(EnumType.STRING)
    private CredentialKind kind;

    @Column(name = "secret")
    private String encryptedSecret;

    @Column(name = "passphrase")
    private @Nullable String encryptedPassphrase;

    private @Nullable String publicKeyAlgorithm;

    private @Nullable String publicKeyFingerprint;

    private Instant createdAt;

    @Version
    private @Nullable Long version;

    protected Credential() {
        this.id = UUID.randomUUID();
        this.name = "";
        this.username = "";
        this.kind = CredentialKind.PASSWORD;
        this.encryptedSecret = "";
        this.createdAt = Instant.EPOCH;
    }

    Credential(String name, String username, CredentialKind kind, String encryptedSecret, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.username = username;
        this.kind = kind;
        this.encryptedSecret = encryptedSecret;
        this.createdAt = createdAt;
    }

    void describeKey(String algorithm, String fingerprint, @Nullable String encryptedPassphrase) {
        this.publicKeyAlgorithm = algorithm;
        this.publicKeyFingerprint = fingerprint;
        this.encryptedPassphrase = encryptedPassphrase;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getUsername() {
        return username;
    }

    CredentialKind getKind() {
        return kind;
    }

    String getEncryptedSecret() {
        return encryptedSecret;
    }

    @Nullable
    String getEncryptedPassphrase() {
        return encryptedPassphrase;
    }

    @Nullable
    String getPublicKeyAlgorithm() {
        return publicKeyAlgorithm;
    }

    @Nullable
    String getPublicKeyFingerprint() {
        return publicKeyFingerprint;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
