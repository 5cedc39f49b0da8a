package dev.ascendcp.verification;

/** What a problem is about. */
public enum Scope {
    CLUSTER,
    NODE,
    NPU
}
