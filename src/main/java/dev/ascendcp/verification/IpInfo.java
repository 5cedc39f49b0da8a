package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** {@code hccn_tool -i N -ip -g}: the NPU port's address and netmask (and the IPv6 pair of {@code -ip -inet6 -g}). */
public record IpInfo(
        Outcome outcome,
        @Nullable String address,
        @Nullable String netmask,
        @Nullable String ipv6Address,
        @Nullable Integer prefixLength,
        String raw) {}
