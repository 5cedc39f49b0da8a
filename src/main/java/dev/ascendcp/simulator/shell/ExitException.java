package dev.ascendcp.simulator.shell;

/** Unwinds a shell on {@code exit}, {@code exec} or a fatal signal, carrying the exit status. */
final class ExitException extends RuntimeException {

    private final int status;

    ExitException(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
