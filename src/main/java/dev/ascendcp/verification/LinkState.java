package dev.ascendcp.verification;

/** Physical link state of an NPU port. */
public enum LinkState {
    UP,
    DOWN,
    UNKNOWN
}
