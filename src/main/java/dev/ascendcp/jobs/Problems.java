package dev.ascendcp.jobs;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

final class Problems {

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://ascendcp.dev/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }
}
