package dev.ascendcp.users;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** There is no user of that name. */
public class UserNotFoundException extends ErrorResponseException {

    private UserNotFoundException(ProblemDetail problem) {
        super(HttpStatus.NOT_FOUND, problem, null);
    }

    public static UserNotFoundException forUsername(String username) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No user '" + username + "'");
        problem.setType(URI.create("https://ascendcp.dev/problems/user-not-found"));
        problem.setTitle("User not found");
        return new UserNotFoundException(problem);
    }
}
