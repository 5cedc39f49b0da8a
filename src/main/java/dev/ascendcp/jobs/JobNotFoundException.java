package dev.ascendcp.jobs;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404: there is no job with this id (or it was purged). */
public class JobNotFoundException extends ErrorResponseException {

    private JobNotFoundException(UUID id) {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, "job-not-found", "Job not found", "No job with id " + id),
                null);
    }

    public static JobNotFoundException forId(UUID id) {
        return new JobNotFoundException(id);
    }
}
