package dev.ascendcp.inventory;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused inventory request, rendered as a problem detail with a stable {@code type}; {@code errors} names the
 * fields to blame. Messages never hold a secret.
 */
public class InventoryException extends ErrorResponseException {

    private static final String TYPE_BASE = "https://ascendcp.dev/problems/";

    private final List<FieldProblem> errors;

    InventoryException(HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
        super(status, problem(status, slug, title, detail, errors), null);
        this.errors = List.copyOf(errors);
    }

    /** The fields to blame (may be empty). */
    public List<FieldProblem> errors() {
        return errors;
    }

    /** 400: values that break a rule of their own. */
    static InventoryException invalid(List<FieldProblem> errors) {
        return new InventoryException(
                HttpStatus.BAD_REQUEST, "validation", "Invalid request", "Validation failed", errors);
    }

    /** 422: values that are fine alone but not together, or that refer to what does not exist. */
    static InventoryException unprocessable(String slug, List<FieldProblem> errors) {
        return new InventoryException(
                HttpStatus.UNPROCESSABLE_ENTITY, slug, "Inconsistent request", summary(errors), errors);
    }

    /** 409: the request conflicts with stored state. */
    static InventoryException conflict(String slug, String field, String message) {
        return new InventoryException(
                HttpStatus.CONFLICT,
                slug,
                "Conflict",
                field + " " + message,
                List.of(new FieldProblem(field, message)));
    }

    static InventoryException notFound(String what, UUID id) {
        return new InventoryException(
                HttpStatus.NOT_FOUND, what + "-not-found", "Not found", "No " + what + " with id " + id, List.of());
    }

    private static String summary(List<FieldProblem> errors) {
        return errors.isEmpty()
                ? "Inconsistent request"
                : errors.get(0).field() + " " + errors.get(0).message();
    }

    private static ProblemDetail problem(
            HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(e -> Map.of("field", e.field(), "message", e.message()))
                            .toList());
        }
        return problem;
    }
}
