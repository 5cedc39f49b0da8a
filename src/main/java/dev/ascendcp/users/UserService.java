package dev.ascendcp.users;

import dev.ascendcp.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists and deletes users. Every change is audited; passwords are only ever stored hashed. */
@Service
public class UserService {

    static final String FIRST_ADMIN = "admin";

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    UserService(
            UserAccountRepository users, ApiTokenRepository tokens, PasswordEncoder passwordEncoder, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    /** Creates a user; 409 when the name is taken, 400 when the password is refused. */
    @Transactional
    public UserResponse create(UserRequest request) {
        String username = Objects.requireNonNull(request.username(), "username");
        String password = Objects.requireNonNull(request.password(), "password");
        Role role = Objects.requireNonNull(request.role(), "role");
        checkPassword(username, password);
        if (users.existsByUsername(username)) {
            throw UserConflictException.duplicate(username);
        }
        UserAccount user = new UserAccount(username, passwordEncoder.encode(password), role, Instant.now(clock));
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            throw UserConflictException.duplicate(username);
        }
        audit.record("user.created", username, "role=" + role);
        return user.toResponse();
    }

    @Transactional(readOnly = true)
    public Page<UserResponse> list(Pageable pageable) {
        Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        return users.findAllByOrderByUsernameAsc(unsorted).map(UserAccount::toResponse);
    }

    @Transactional(readOnly = true)
    public UserResponse get(String username) {
        return users.findByUsername(username)
                .map(UserAccount::toResponse)
                .orElseThrow(() -> UserNotFoundException.forUsername(username));
    }

    /**
     * Deletes a user and their API tokens. Refuses to delete the acting user themself or the last {@code ADMIN} (409).
     */
    @Transactional
    public void delete(String username, String actor) {
        if (username.equals(actor)) {
            throw UserConflictException.self(username);
        }
        UserAccount user =
                users.findByUsername(username).orElseThrow(() -> UserNotFoundException.forUsername(username));
        if (user.role() == Role.ADMIN) {
            List<UserAccount> admins = users.findByRole(Role.ADMIN);
            if (admins.size() <= 1) {
                throw UserConflictException.lastAdmin(username);
            }
        }
        tokens.deleteByOwner(user);
        users.delete(user);
        audit.record(actor, "user.deleted", username, null);
    }

    /**
     * Creates the first {@code admin} when there is no user at all.
     *
     * @param configuredPassword the operator's choice, or {@code null} to generate one
     * @return the generated password when one was generated, to be shown once; {@code null} otherwise
     */
    @Transactional
    public @Nullable String createFirstAdminIfNoUser(@Nullable String configuredPassword) {
        if (users.count() > 0) {
            return null;
        }
        String password = configuredPassword == null ? GeneratedPasswords.strong() : configuredPassword;
        checkPassword(null, password);
        users.saveAndFlush(
                new UserAccount(FIRST_ADMIN, passwordEncoder.encode(password), Role.ADMIN, Instant.now(clock)));
        audit.record("system", "user.created", FIRST_ADMIN, "role=ADMIN, first start");
        return configuredPassword == null ? password : null;
    }

    private static void checkPassword(@Nullable String username, String password) {
        if (password.length() < 12) {
            throw InvalidPasswordException.because("must have at least 12 characters");
        }
        // BCrypt only looks at the first 72 bytes; refuse longer ones instead of silently ignoring the rest.
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw InvalidPasswordException.because("must not be longer than 72 bytes");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username)) {
            throw InvalidPasswordException.because("must not contain the username");
        }
    }
}
