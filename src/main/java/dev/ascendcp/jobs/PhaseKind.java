package dev.ascendcp.jobs;

/** The kinds of work a job can do on a cluster; each is implemented by one registered {@link Phase}. */
public enum PhaseKind {
    VERIFY,
    BOOTSTRAP,
    SERVE,
    TEARDOWN,
    DEPLOY
}
