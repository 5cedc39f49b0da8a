package dev.ascendcp.audit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail.
 *
 * @param apiLoginInterval API clients (HTTP Basic, tokens) authenticate on every request; their successful logins
 *     are recorded at most once per user and channel in this interval, so that a polling script does not flood the
 *     trail. Form logins and every failed login are always recorded.
 */
@ConfigurationProperties(prefix = "ascendcp.audit")
@Validated
public record AuditProperties(@DefaultValue("15m") @NotNull Duration apiLoginInterval) {}
