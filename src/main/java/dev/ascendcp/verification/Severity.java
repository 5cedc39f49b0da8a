package dev.ascendcp.verification;

/** How bad a problem is. UNKNOWN: the output could not be read, so nothing can be said. */
public enum Severity {
    WARN,
    UNKNOWN,
    FAILED
}
