package dev.ascendcp.ray;

import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.ssh.FailureReason;
import java.util.Optional;

/** Turns what SSH reported into step outcomes. */
final class StepResults {

    private StepResults() {}

    /** A failure that is not the command's own (no connection, host key, login, timeout, cancel), if any. */
    static Optional<StepOutcome> sshFailure(ExecResult result) {
        FailureReason reason = result.failureReason();
        if (reason == null || reason == FailureReason.NON_ZERO_EXIT) {
            return Optional.empty();
        }
        String message =
                result.failure() == null ? reason.name() : result.failure().message();
        if (reason == FailureReason.CONNECT_TIMEOUT || reason == FailureReason.IO) {
            return Optional.of(StepOutcome.transientFailure(reason.name(), message, null));
        }
        return Optional.of(StepOutcome.failed(reason.name(), message, result.exitCode()));
    }

    /** A failed command as a permanent step failure naming the command's last line. */
    static StepOutcome commandFailed(String reason, String what, ExecResult result) {
        return sshFailure(result)
                .orElseGet(
                        () -> StepOutcome.failed(reason, what + ": " + NodeShell.lastLine(result), result.exitCode()));
    }
}
