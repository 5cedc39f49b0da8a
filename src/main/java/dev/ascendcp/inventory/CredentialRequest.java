package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new credential. The secret fields are write-only and masked in {@link #toString()}. */
record CredentialRequest(
        @Schema(example = "ops-key") @NotNull @ResourceName String name,
        @Schema(example = "root") @NotNull @Username String username,
        @NotNull CredentialKind kind,

        @Schema(
                description = "OpenSSH or PEM private key (RSA, ECDSA, Ed25519)",
                accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(max = 16384)
        @Nullable
        String privateKey,

        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) @Size(max = 1024) @Nullable
        String passphrase,

        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY) @Size(max = 1024) @Nullable
        String password) {

    @Override
    public String toString() {
        return "CredentialRequest[name=" + name + ", username=" + username + ", kind=" + kind + ", secrets=***]";
    }
}
