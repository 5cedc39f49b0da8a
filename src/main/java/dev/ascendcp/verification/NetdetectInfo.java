package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** {@code hccn_tool -i N -netdetect -g}; {@code address} is null when the tool shows {@code 0.0.0.0}. */
public record NetdetectInfo(Outcome outcome, @Nullable String address, String raw) {

    public boolean configured() {
        return address != null;
    }
}
