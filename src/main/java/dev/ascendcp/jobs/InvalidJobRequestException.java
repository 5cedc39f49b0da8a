package dev.ascendcp.jobs;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: the phase is not available or its options break rules; nothing was stored or run. */
public class InvalidJobRequestException extends ErrorResponseException {

    private InvalidJobRequestException(ProblemDetail problem) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    public static InvalidJobRequestException invalidOptions(PhaseKind phase, List<OptionViolation> violations) {
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-job-options",
                "The job's options are invalid",
                "The " + phase + " options break " + violations.size() + " rule(s)");
        problem.setProperty(
                "errors",
                violations.stream()
                        .map(v -> Map.of("field", v.field(), "rule", v.rule(), "message", v.message()))
                        .toList());
        return new InvalidJobRequestException(problem);
    }

    public static InvalidJobRequestException phaseNotAvailable(PhaseKind phase) {
        return new InvalidJobRequestException(Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "phase-not-available",
                "This phase is not available",
                "No " + phase + " phase is installed in this control plane"));
    }

    public static InvalidJobRequestException noNodes(PhaseKind phase) {
        return new InvalidJobRequestException(Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "empty-plan",
                "Nothing to run",
                "The " + phase + " phase planned no step for this cluster (does it have nodes?)"));
    }
}
