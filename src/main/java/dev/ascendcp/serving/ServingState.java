package dev.ascendcp.serving;

/** The state of a cluster's vLLM endpoint, as {@code GET /api/v1/clusters/{id}/status} shows it. */
public enum ServingState {
    STOPPED,
    STARTING,
    READY,
    FAILED
}
