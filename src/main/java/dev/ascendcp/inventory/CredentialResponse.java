package dev.ascendcp.inventory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A credential as the API shows it: never a secret. */
record CredentialResponse(
        UUID id,
        String name,
        String username,
        CredentialKind kind,
        @Nullable String publicKeyFingerprint,
        @Nullable String publicKeyAlgorithm,
        Instant createdAt) {

    static CredentialResponse of(Credential credential) {
        return new CredentialResponse(
                credential.getId(),
                credential.getName(),
                credential.getUsername(),
                credential.getKind(),
                credential.getPublicKeyFingerprint(),
                credential.getPublicKeyAlgorithm(),
                credential.getCreatedAt());
    }
}
