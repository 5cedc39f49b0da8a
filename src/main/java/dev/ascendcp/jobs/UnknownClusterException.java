package dev.ascendcp.jobs;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 404: a job was asked for a cluster that does not exist. */
public class UnknownClusterException extends ErrorResponseException {

    private UnknownClusterException(UUID id) {
        super(
                HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, "cluster-not-found", "Cluster not found", "No cluster with id " + id),
                null);
    }

    public static UnknownClusterException forId(UUID id) {
        return new UnknownClusterException(id);
    }
}
