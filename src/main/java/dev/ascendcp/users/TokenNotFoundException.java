package dev.ascendcp.users;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The current user has no token of that id. */
public class TokenNotFoundException extends ErrorResponseException {

    private TokenNotFoundException(ProblemDetail problem) {
        super(HttpStatus.NOT_FOUND, problem, null);
    }

    public static TokenNotFoundException forId(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "You have no token " + id);
        problem.setType(URI.create("https://ascendcp.dev/problems/token-not-found"));
        problem.setTitle("Token not found");
        return new TokenNotFoundException(problem);
    }
}
