package dev.ascendcp.users;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new user. The password is hashed at once and never shown again. */
public record UserRequest(
        @Schema(example = "alice", pattern = UserRequest.USERNAME_PATTERN)
        @NotNull
        @Pattern(
                regexp = USERNAME_PATTERN,
                message =
                        "must be 2-32 characters: a lowercase letter, then lowercase letters, digits, '_', '.' or '-'")
        @Nullable
        String username,

        @Schema(example = "correct-horse-battery", minLength = 12, maxLength = 72, format = "password")
        @NotNull
        @Size(min = 12, max = 72, message = "must have 12 to 72 characters")
        @Nullable
        String password,

        @Schema(example = "OPERATOR") @NotNull @Nullable Role role) {

    public static final String USERNAME_PATTERN = "^[a-z][a-z0-9_.-]{1,31}$";

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", password=***, role=" + role + "]";
    }
}
