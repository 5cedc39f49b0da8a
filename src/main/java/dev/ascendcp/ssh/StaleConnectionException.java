package dev.ascendcp.ssh;

/** The pooled connection was dead before the command could start; the command may be retried on a new one. */
final class StaleConnectionException extends Exception {

    private static final long serialVersionUID = 1L;

    StaleConnectionException(Throwable cause) {
        super(cause.getMessage(), cause, false, false);
    }
}
