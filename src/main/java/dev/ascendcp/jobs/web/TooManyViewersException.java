package dev.ascendcp.jobs.web;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503 with {@code Retry-After}: this replica already serves as many event-stream viewers as it allows. */
class TooManyViewersException extends ErrorResponseException {

    TooManyViewersException(UUID jobId, boolean perJob, int limit, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(jobId, perJob, limit, retryAfter), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem(UUID jobId, boolean perJob, int limit, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                perJob
                        ? "Job " + jobId + " already has " + limit + " live viewers on this server; try again later"
                        : "This server already serves " + limit + " live event streams; try again later");
        problem.setType(URI.create("https://ascendcp.dev/problems/too-many-viewers"));
        problem.setTitle("Too many event-stream viewers");
        problem.setProperty("limit", limit);
        problem.setProperty("scope", perJob ? "job" : "server");
        problem.setProperty("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
        return problem;
    }
}
