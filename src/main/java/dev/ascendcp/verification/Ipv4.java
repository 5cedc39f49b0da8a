package dev.ascendcp.verification;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Dotted IPv4 arithmetic for the subnet check. */
final class Ipv4 {

    private Ipv4() {}

    static OptionalLong parse(@Nullable String address) {
        if (address == null || !ShellLanes.IPV4.matcher(address).matches()) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (String part : address.split("\\.")) {
            value = (value << 8) | Long.parseLong(part);
        }
        return OptionalLong.of(value);
    }

    static String format(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    /** {@code 29.1.0.0/16} for 29.1.112.213 with 255.255.0.0, or null when either is not an IPv4 address. */
    static @Nullable String network(@Nullable String address, @Nullable String netmask) {
        OptionalLong ip = parse(address);
        OptionalLong mask = parse(netmask);
        if (ip.isEmpty() || mask.isEmpty()) {
            return null;
        }
        return format(ip.getAsLong() & mask.getAsLong()) + "/" + Long.bitCount(mask.getAsLong());
    }
}
