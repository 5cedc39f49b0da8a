package dev.ascendcp.jobs;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the cluster already runs a job, or a job is in no state for what was asked. */
public class JobConflictException extends ErrorResponseException {

    private final @Nullable UUID runningJobId;

    private JobConflictException(ProblemDetail problem, @Nullable UUID runningJobId) {
        super(HttpStatus.CONFLICT, problem, null);
        this.runningJobId = runningJobId;
    }

    /** One job per cluster at a time; the problem names the running one in {@code runningJobId}. */
    public static JobConflictException clusterBusy(UUID clusterId, UUID runningJobId) {
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                "cluster-busy",
                "A job already runs on this cluster",
                "Cluster " + clusterId + " is running job " + runningJobId + "; wait for it or cancel it");
        problem.setProperty("runningJobId", runningJobId.toString());
        return new JobConflictException(problem, runningJobId);
    }

    public static JobConflictException notRetryable(UUID jobId, String why) {
        return new JobConflictException(
                Problems.of(
                        HttpStatus.CONFLICT,
                        "job-not-retryable",
                        "The job cannot be retried",
                        "Job " + jobId + " " + why),
                null);
    }

    public static JobConflictException alreadyFinished(UUID jobId, JobStatus status) {
        return new JobConflictException(
                Problems.of(
                        HttpStatus.CONFLICT,
                        "job-finished",
                        "The job has already finished",
                        "Job " + jobId + " is " + status + " and cannot be cancelled"),
                null);
    }

    public @Nullable UUID runningJobId() {
        return runningJobId;
    }
}
