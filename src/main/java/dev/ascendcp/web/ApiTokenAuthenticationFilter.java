package dev.ascendcp.web;

import dev.ascendcp.users.ApiTokenAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <API token>} on the API. Stateless: the authentication lives for this
 * request only and is never stored in a session. A wrong token is a 401 at once, never an anonymous request.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authenticationManager;
    private final AuthenticationEntryPoint entryPoint;
    private final RequestMatcher applies;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenAuthenticationFilter(
            AuthenticationManager authenticationManager, AuthenticationEntryPoint entryPoint, RequestMatcher applies) {
        this.authenticationManager = authenticationManager;
        this.entryPoint = entryPoint;
        this.applies = applies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !applies.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(BEARER.length()).strip();
        try {
            Authentication result = authenticationManager.authenticate(ApiTokenAuthentication.unauthenticated(token));
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(result);
            contexts.setContext(context);
        } catch (AuthenticationException e) {
            contexts.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
