package dev.ascendcp.verification;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code key_<index>=value} lines of one device in {@code /etc/hccn.conf}; unknown keys land in {@code other}. */
public record HccnConfEntry(
        int index,
        @Nullable String address,
        @Nullable String netmask,
        @Nullable String netdetect,
        @Nullable String gateway,
        @Nullable String sendArpStatus,
        Map<String, String> other) {}
