package dev.ascendcp.users;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A password that the policy refuses; a 400 validation problem on the {@code password} field. */
public class InvalidPasswordException extends ErrorResponseException {

    private final String reason;

    private InvalidPasswordException(String reason) {
        super(HttpStatus.BAD_REQUEST, problem(reason), null);
        this.reason = reason;
    }

    public static InvalidPasswordException because(String reason) {
        return new InvalidPasswordException(reason);
    }

    /** What is wrong with the password, for a form's field error. */
    public String reason() {
        return reason;
    }

    private static ProblemDetail problem(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Validation failed");
        problem.setType(URI.create("https://ascendcp.dev/problems/validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "password", "message", reason)));
        return problem;
    }
}
