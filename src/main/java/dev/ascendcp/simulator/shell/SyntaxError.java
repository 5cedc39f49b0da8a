package dev.ascendcp.simulator.shell;

/** A command line the shell cannot parse; reported as {@code sh: 1: <message>} with status 2. */
final class SyntaxError extends RuntimeException {
    SyntaxError(String message) {
        super(message);
    }
}
