package dev.ascendcp.ssh;

/** Why a command did not succeed. */
public enum FailureReason {
    /** The host offered a key other than the pinned one, or STRICT found no pinned key; nothing was sent. */
    HOST_KEY_MISMATCH,
    /** The server refused the credentials, or the private key could not be read. */
    AUTH_FAILED,
    /** No SSH session could be set up in the connect timeout. */
    CONNECT_TIMEOUT,
    /** The command ran longer than its timeout (or the overall deadline) and was killed. */
    COMMAND_TIMEOUT,
    /** The command ended with an exit code other than 0, or by a signal. */
    NON_ZERO_EXIT,
    /** The connection failed or broke for another reason. */
    IO,
    /** The command was cancelled and killed. */
    CANCELLED
}
