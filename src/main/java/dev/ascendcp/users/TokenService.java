package dev.ascendcp.users;

import dev.ascendcp.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: 32 random bytes behind a recognisable prefix, shown once at creation and stored only as a SHA-256 hash.
 * A token acts as its owner, with the owner's current role.
 */
@Service
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final SecurityProperties properties;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    TokenService(
            ApiTokenRepository tokens, UserAccountRepository users, SecurityProperties properties, AuditLog audit) {
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
        this.audit = audit;
    }

    /** Creates a token for {@code owner}; the answer is the only place its secret ever appears. */
    @Transactional
    public CreatedTokenResponse create(String owner, TokenRequest request) {
        String name = Objects.requireNonNull(request.name(), "name").strip();
        UserAccount user = user(owner);
        if (tokens.existsByOwnerAndName(user, name)) {
            throw UserConflictException.duplicateToken(name);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = properties.tokenPrefix()
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(user, name, hash(token), Instant.now(clock)));
        audit.record(owner, "token.created", name, "id=" + saved.id());
        return new CreatedTokenResponse(saved.id(), saved.name(), token, saved.createdAt());
    }

    @Transactional(readOnly = true)
    public Page<TokenResponse> list(String owner, Pageable pageable) {
        Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        return tokens.findByOwnerOrderByCreatedAtDesc(user(owner), unsorted).map(ApiToken::toResponse);
    }

    /** Revokes (deletes) one of the owner's tokens; 404 for a token of someone else. */
    @Transactional
    public void revoke(String owner, UUID id) {
        ApiToken token = tokens.findByIdAndOwner(id, user(owner)).orElseThrow(() -> TokenNotFoundException.forId(id));
        tokens.delete(token);
        audit.record(owner, "token.revoked", token.name(), "id=" + id);
    }

    /** The owner of a valid token, as Spring Security sees them; records the use. */
    @Transactional
    public Optional<UserDetails> authenticate(String rawToken) {
        if (!rawToken.startsWith(properties.tokenPrefix())) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(rawToken)).map(token -> {
            token.markUsed(Instant.now(clock), properties.tokenLastUsedResolution());
            UserAccount owner = token.owner();
            return User.withUsername(owner.username())
                    .password("")
                    .roles(owner.role().name())
                    .build();
        });
    }

    private UserAccount user(String username) {
        return users.findByUsername(username).orElseThrow(() -> UserNotFoundException.forUsername(username));
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
