package dev.ascendcp.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records logins from Spring Security's authentication events: form login, HTTP Basic and API tokens alike. A failed
 * login records the user name that was tried, never the password.
 */
@Component
class LoginAuditListener {

    private final AuditLog audit;
    private final AuditProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> lastApiLogin = new ConcurrentHashMap<>();

    LoginAuditListener(AuditLog audit, AuditProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String user = sanitize(event.getAuthentication().getName());
        String channel = channel();
        if (!"form".equals(channel) && recentlyRecorded(user + " " + channel)) {
            return;
        }
        audit.record(user, "login.succeeded", channel, null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String attempted = sanitize(event.getAuthentication().getName());
        String reason = event.getException().getClass().getSimpleName();
        audit.record(attempted.isEmpty() ? "(empty)" : attempted, "login.failed", channel(), reason);
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.record(sanitize(event.getAuthentication().getName()), "logout", "form", null);
    }

    private boolean recentlyRecorded(String key) {
        Instant now = Instant.now(clock);
        Instant previous = lastApiLogin.get(key);
        if (previous != null && previous.plus(properties.apiLoginInterval()).isAfter(now)) {
            return true;
        }
        lastApiLogin.put(key, now);
        if (lastApiLogin.size() > 10_000) {
            lastApiLogin.clear();
        }
        return false;
    }

    /** How the credentials came: {@code form}, {@code basic} or {@code token}. */
    private static String channel() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "unknown";
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String scheme = authorization.strip().toLowerCase(Locale.ROOT);
            if (scheme.startsWith("basic")) {
                return "basic";
            }
            if (scheme.startsWith("bearer")) {
                return "token";
            }
        }
        return "form";
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    /** An attempted user name is attacker-controlled: keep it short and free of control characters. */
    private static String sanitize(@Nullable String name) {
        if (name == null) {
            return "";
        }
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 100 ? clean : clean.substring(0, 100);
    }
}
