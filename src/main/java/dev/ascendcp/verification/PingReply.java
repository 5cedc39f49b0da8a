package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** One packet of an NPU ping: its sequence number and round-trip time, or null when it timed out. */
public record PingReply(int seq, @Nullable Double timeMs) {

    public boolean lost() {
        return timeMs == null;
    }
}
