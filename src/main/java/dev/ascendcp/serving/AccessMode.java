package dev.ascendcp.serving;

/** How the control plane reaches a vLLM endpoint. */
public enum AccessMode {
    /** {@code http://head:port}. */
    DIRECT,
    /** An SSH local port forward to the head. */
    TUNNEL,
    /** Direct when the head answers on the port (or refuses it), a forward when it cannot be reached. */
    AUTO
}
