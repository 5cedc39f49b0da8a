package dev.ascendcp.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** The API's 403: a role too low, or a session-authenticated change without its CSRF token. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        boolean csrf = ex instanceof CsrfException;
        Problems.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.FORBIDDEN,
                        csrf ? "csrf" : "forbidden",
                        csrf ? "CSRF token missing or invalid" : "Forbidden",
                        csrf
                                ? "A change made with a browser session needs its CSRF token; API clients send "
                                        + "HTTP Basic or a bearer token instead"
                                : "Your role does not allow this"));
    }
}
