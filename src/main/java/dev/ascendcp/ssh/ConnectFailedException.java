package dev.ascendcp.ssh;

/** A connection could not be set up; carries the failure the caller's result reports. */
final class ConnectFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ExecFailure failure;

    ConnectFailedException(ExecFailure failure, Throwable cause) {
        super(failure.message(), cause, false, false);
        this.failure = failure;
    }

    ConnectFailedException(ExecFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    ExecFailure failure() {
        return failure;
    }
}
