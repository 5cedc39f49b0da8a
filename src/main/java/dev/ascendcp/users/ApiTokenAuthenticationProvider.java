package dev.ascendcp.users;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks {@link ApiTokenAuthentication}s against the stored hashes. Deliberately not a bean: a global
 * {@code AuthenticationProvider} bean would replace the user-name/password provider of form login and Basic.
 */
public final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final TokenService tokens;

    public ApiTokenAuthenticationProvider(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        if (!(credentials instanceof String token) || token.isBlank()) {
            throw new BadCredentialsException("Missing API token");
        }
        return tokens.authenticate(token)
                .map(ApiTokenAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException("Invalid or revoked API token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
