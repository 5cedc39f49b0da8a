package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** {@code hccn_tool -i N -gateway -g}: the default gateway and the port it sits on ({@code eth3}). */
public record GatewayInfo(
        Outcome outcome, @Nullable String gateway, @Nullable String iface, String raw) {}
