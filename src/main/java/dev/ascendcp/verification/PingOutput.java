package dev.ascendcp.verification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code hccn_tool -i N -ping -g address X}: packet counts, loss, per-packet times and the exit status. */
public record PingOutput(
        Outcome outcome,
        @Nullable Integer device,
        @Nullable String target,
        int transmitted,
        int received,
        double lossPercent,
        List<PingReply> replies,
        @Nullable Double avgRttMs,
        boolean unreachable,
        @Nullable Integer exitCode,
        String raw) {

    /** Every packet came back and the tool did not report an error. */
    public boolean clean() {
        return outcome == Outcome.OK
                && transmitted > 0
                && received == transmitted
                && !unreachable
                && (exitCode == null || exitCode == 0);
    }
}
