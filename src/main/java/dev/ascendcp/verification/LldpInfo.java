package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/**
 * {@code hccn_tool -i N -lldp -g}: what the switch on the other end of the NPU port says about itself. {@code port} is
 * the switch port ({@code Ifname: 400GE1/1/5:2}); outcome NOT_SET means no neighbour was seen.
 */
public record LldpInfo(
        Outcome outcome,
        @Nullable String port,
        @Nullable String chassisId,
        @Nullable String systemName,
        @Nullable String systemDescription,
        @Nullable String managementAddress,
        String raw) {

    public boolean neighbourSeen() {
        return outcome == Outcome.OK;
    }
}
