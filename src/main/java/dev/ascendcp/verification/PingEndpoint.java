package dev.ascendcp.verification;

import java.util.Map;
import java.util.TreeMap;

/** A node and the IPs of its NPUs (index to address), as the ping planner takes them. */
public record PingEndpoint(String node, Map<Integer, String> npuIps) {

    /** The NPU IPs a checked node reported with {@code -ip -g}. */
    public static PingEndpoint of(NodeVerdict verdict) {
        Map<Integer, String> ips = new TreeMap<>();
        verdict.npus().forEach(n -> {
            if (n.ip() != null) {
                ips.put(n.index(), n.ip());
            }
        });
        return new PingEndpoint(verdict.node(), ips);
    }
}
