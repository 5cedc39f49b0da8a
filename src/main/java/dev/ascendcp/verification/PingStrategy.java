package dev.ascendcp.verification;

/** Which NPU pairs to ping across nodes. */
public enum PingStrategy {
    /** NPU i to NPU i of every other node (the default). */
    SAME_INDEX,
    /** NPU i of each node to NPU i of the next node, the last wrapping to the first. */
    RING,
    /** Every NPU to every NPU on the other nodes. */
    FULL_MESH
}
