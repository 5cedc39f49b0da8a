package dev.ascendcp.ssh;

/** A port forward could not be opened; {@link #failure()} says why (host key, login, connect timeout, I/O). */
public class ForwardFailedException extends RuntimeException {

    private final transient ExecFailure failure;

    ForwardFailedException(ExecFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public ExecFailure failure() {
        return failure;
    }
}
