package dev.ascendcp.audit;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who did what. Call it inside the transaction of the change it describes, so that the change and its audit
 * entry are stored together or not at all. Never pass a secret in {@code detail}.
 */
@Service
public class AuditLog {

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries) {
        this.entries = entries;
        this.clock = Clock.systemUTC();
    }

    /** Records an action by the user of the current request ({@code system} outside a request). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String target, @Nullable String detail) {
        record(currentActor(), action, target, detail);
    }

    /** Records an action by a named actor, e.g. a failed login whose user is not authenticated. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String target, @Nullable String detail) {
        entries.save(new AuditEntry(
                Instant.now(clock), clip(actor, 100), clip(action, 100), clip(target, 300), truncate(detail)));
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> list(Pageable pageable) {
        return entries.findAllByOrderByAtDesc(pageable).map(AuditEntry::toEvent);
    }

    /**
     * The entries newest first, optionally only those of one actor and/or whose action starts with {@code action}
     * (so {@code login} finds {@code login.succeeded} and {@code login.failed}).
     */
    @Transactional(readOnly = true)
    public Page<AuditEvent> list(@Nullable String actor, @Nullable String action, Pageable pageable) {
        Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        boolean byActor = actor != null && !actor.isBlank();
        boolean byAction = action != null && !action.isBlank();
        Page<AuditEntry> page;
        if (byActor && byAction) {
            page = entries.findByActorAndActionStartingWithOrderByAtDesc(actor, action, unsorted);
        } else if (byActor) {
            page = entries.findByActorOrderByAtDesc(actor, unsorted);
        } else if (byAction) {
            page = entries.findByActionStartingWithOrderByAtDesc(action, unsorted);
        } else {
            page = entries.findAllByOrderByAtDesc(unsorted);
        }
        return page.map(AuditEntry::toEvent);
    }

    /** The name of the authenticated user, or {@code system}. */
    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static @Nullable String truncate(@Nullable String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }
}
