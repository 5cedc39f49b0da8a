package dev.ascendcp.simulator;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problems of the simulator's admin API. */
public final class SimulatorException extends ErrorResponseException {

    private SimulatorException(HttpStatus status, String slug, String title, String detail) {
        super(status, problem(status, slug, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://ascendcp.dev/problems/" + slug));
        p.setTitle(title);
        return p;
    }

    public static SimulatorException disabled() {
        return new SimulatorException(
                HttpStatus.NOT_FOUND,
                "simulator-disabled",
                "Simulator not running",
                "The simulator is not enabled (ascendcp.simulator.enabled=false).");
    }

    public static SimulatorException nodeNotFound(String name) {
        return new SimulatorException(
                HttpStatus.NOT_FOUND,
                "simulated-node-not-found",
                "Simulated node not found",
                "No simulated node is named '" + name + "'.");
    }

    public static SimulatorException npuOutOfRange(String node, int index, int count) {
        return new SimulatorException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-fault",
                "Invalid fault",
                "Node '" + node + "' has NPUs 0.." + (count - 1) + "; there is no NPU " + index + ".");
    }
}
