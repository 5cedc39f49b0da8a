package dev.ascendcp.serving;

import dev.ascendcp.jobs.StepOutcome;
import java.util.List;

/** How the Serve tests read a finished job: each step's outcome and the job's log lines. */
final class StepHarness {

    record Ran(String nodeName, String name, StepOutcome outcome) {
        String message() {
            return outcome.message();
        }
    }

    record Result(boolean succeeded, List<Ran> steps, List<String> log) {
        String logText() {
            return String.join("\n", log);
        }
    }

    private StepHarness() {}
}
