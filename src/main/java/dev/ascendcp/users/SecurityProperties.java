package dev.ascendcp.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Users and API tokens.
 *
 * @param adminPassword the password of the first {@code admin} user, created when no user exists (usually from
 *     {@code ASCENDCP_ADMIN_PASSWORD}); blank means a strong one is generated and printed once to the log
 * @param tokenPrefix the prefix of every API token, so that leaked tokens are easy to recognise in logs and scanners
 * @param tokenLastUsedResolution how stale a token's {@code lastUsedAt} may get before a request updates it; saves a
 *     database write on every API call
 */
@ConfigurationProperties(prefix = "ascendcp.security")
@Validated
public record SecurityProperties(
        @Nullable String adminPassword,
        @DefaultValue("acp_") @NotBlank String tokenPrefix,
        @DefaultValue("1m") @NotNull Duration tokenLastUsedResolution) {

    /** The configured first-admin password, or {@code null} when it is to be generated. */
    public @Nullable String configuredAdminPassword() {
        return adminPassword == null || adminPassword.isBlank() ? null : adminPassword;
    }
}
