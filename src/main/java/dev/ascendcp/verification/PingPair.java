package dev.ascendcp.verification;

/** One planned ping: from an NPU of one node to the IP of an NPU on another node. */
public record PingPair(String fromNode, int fromNpu, String toNode, int toNpu, String toIp) {

    /** {@code node-a:0->node-b:0}. */
    public String key() {
        return fromNode + ":" + fromNpu + "->" + toNode + ":" + toNpu;
    }
}
