package dev.ascendcp.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last word on errors: UI pages get an error page ({@code templates/error/404|403|500|4xx}), never a stack
 * trace; API requests that no other advice answered (unknown paths, unexpected failures) get a problem detail.
 * Security exceptions pass through, so that Spring Security answers them (login redirect, 401, 403).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageAdvice.class);

    @ExceptionHandler(Exception.class)
    Object handle(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex;
        }
        int status = statusOf(ex);
        if (status >= 500) {
            log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problemOf(ex, status));
        }
        ModelAndView page = new ModelAndView(viewFor(status));
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("error", HttpStatus.valueOf(status).getReasonPhrase());
        page.addObject("path", request.getRequestURI());
        return page;
    }

    static String viewFor(int status) {
        return switch (status) {
            case 403, 404, 500 -> "error/" + status;
            default -> status >= 500 ? "error/500" : "error/4xx";
        };
    }

    private static int statusOf(Exception ex) {
        if (ex instanceof ErrorResponse errorResponse) {
            return errorResponse.getStatusCode().value();
        }
        if (ex instanceof TypeMismatchException || ex instanceof BindException) {
            return 400;
        }
        return 500;
    }

    private static ProblemDetail problemOf(Exception ex, int status) {
        if (ex instanceof ErrorResponse errorResponse) {
            return errorResponse.getBody();
        }
        if (status == 400) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "The request is not valid");
        }
        return Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "The server failed to answer; the error is in its log");
    }
}
