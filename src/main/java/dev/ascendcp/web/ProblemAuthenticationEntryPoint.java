package dev.ascendcp.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** The API's 401: a problem detail and the challenge that fits what the client sent. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "ascendcp";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String scheme = authorization == null ? "" : authorization.strip().toLowerCase(java.util.Locale.ROOT);
        String detail;
        if (scheme.startsWith("bearer")) {
            response.setHeader(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", "
                            + "error_description=\"The API token is invalid or revoked\"");
            detail = "The API token is invalid or revoked";
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            detail = scheme.startsWith("basic")
                    ? "The user name or password is wrong"
                    : "Log in: HTTP Basic, or 'Authorization: Bearer <API token>'";
        }
        Problems.write(
                request,
                response,
                Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", detail));
    }
}
