package dev.ascendcp.users;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A token just created: the only time its secret is shown. */
public record CreatedTokenResponse(
        UUID id,
        String name,

        @Schema(
                example = "acp_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5",
                description = "Send as 'Authorization: Bearer <token>'. Shown once; only its hash is stored.")
        String token,

        Instant createdAt) {

    @Override
    public String toString() {
        return "CreatedTokenResponse[id=" + id + ", name=" + name + ", token=***, createdAt=" + createdAt + "]";
    }
}
