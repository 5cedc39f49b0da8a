package dev.ascendcp.users;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change to the users that the current state does not allow. */
public class UserConflictException extends ErrorResponseException {

    private UserConflictException(String slug, String title, String detail) {
        super(HttpStatus.CONFLICT, problem(slug, title, detail), null);
    }

    public static UserConflictException duplicate(String username) {
        return new UserConflictException("user-exists", "User exists", "A user '" + username + "' already exists");
    }

    public static UserConflictException lastAdmin(String username) {
        return new UserConflictException(
                "last-admin", "Last administrator", "'" + username + "' is the last ADMIN and cannot be deleted");
    }

    public static UserConflictException self(String username) {
        return new UserConflictException(
                "self-deletion", "Cannot delete yourself", "'" + username + "' cannot delete their own account");
    }

    public static UserConflictException duplicateToken(String name) {
        return new UserConflictException(
                "token-exists", "Token exists", "You already have a token named '" + name + "'");
    }

    private static ProblemDetail problem(String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(URI.create("https://ascendcp.dev/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }
}
