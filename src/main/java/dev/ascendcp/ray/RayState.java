package dev.ascendcp.ray;

/** Where Ray stands on a cluster. */
public enum RayState {
    /** No Bootstrap has run yet. */
    NOT_STARTED,
    /** Every node is alive and reports its NPUs. */
    RUNNING,
    /** Ray runs, but a node is missing, dead or reports the wrong NPUs (or a Bootstrap failed half-way). */
    DEGRADED,
    /** Torn down. */
    STOPPED
}
