package dev.ascendcp.serving;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Serving's problems: a cluster busy with a job, an endpoint not ready, too many playground prompts. */
public class ServingException extends ErrorResponseException {

    private final HttpHeaders headers;

    private ServingException(HttpStatus status, ProblemDetail problem, HttpHeaders headers) {
        super(status, problem, null);
        this.headers = headers;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    static ServingException clusterNotFound(UUID clusterId) {
        return of(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no cluster " + clusterId, new HttpHeaders());
    }

    private static ServingException of(HttpStatus status, String slug, String title, String detail, HttpHeaders h) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://ascendcp.dev/problems/" + slug));
        problem.setTitle(title);
        return new ServingException(status, problem, h);
    }

    static ServingException busy(UUID clusterId, UUID jobId) {
        ServingException e = of(
                HttpStatus.CONFLICT,
                "cluster-busy",
                "A job runs on the cluster",
                "Job " + jobId + " runs on cluster " + clusterId + "; wait for it or cancel it",
                new HttpHeaders());
        e.getBody().setProperty("runningJobId", jobId.toString());
        return e;
    }

    static ServingException notReady(UUID clusterId, ServingState state) {
        return of(
                HttpStatus.CONFLICT,
                "serving-not-ready",
                "The endpoint is not ready",
                "Cluster " + clusterId + " serves nothing ready (state " + state + ")",
                new HttpHeaders());
    }

    static ServingException rateLimited(Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return of(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many prompts",
                "The playground allows a limited number of prompts per user; retry in " + seconds + " s",
                headers);
    }
}
