package dev.ascendcp.users;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An {@code Authorization: Bearer} API token: before authentication it carries the raw secret (its name is only
 * {@code api-token}, so that a failed attempt never logs the secret); after, the token's owner.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final Object principal;
    private @Nullable String token;

    private ApiTokenAuthentication(
            Object principal, @Nullable String token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        this.token = token;
    }

    /** A token as presented, to be checked. */
    public static ApiTokenAuthentication unauthenticated(String token) {
        return new ApiTokenAuthentication("api-token", token, List.of());
    }

    static ApiTokenAuthentication authenticated(UserDetails owner) {
        ApiTokenAuthentication authentication = new ApiTokenAuthentication(owner, null, owner.getAuthorities());
        authentication.setAuthenticated(true);
        return authentication;
    }

    @Override
    public @Nullable Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        token = null;
    }
}
