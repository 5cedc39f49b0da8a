package dev.ascendcp.ssh;

/**
 * Runs one command on one node and reports how it ended. Implementations reuse one SSH connection per
 * {@link SshTarget#id()}, verify the host key before authenticating and never throw for a remote failure: every
 * outcome (refused host key, failed login, timeout, cancel, non-zero exit) is an {@link ExecResult} with a
 * {@link FailureReason}. The call blocks the calling thread until the command ended.
 */
public interface RemoteExecutor {

    /**
     * Runs {@code command} on {@code target}.
     *
     * @throws IllegalArgumentException only for a programming error in the arguments
     */
    ExecResult execute(SshTarget target, RemoteCommand command, ExecOptions options);

    /** Runs {@code command} with the configured defaults and no output sink. */
    default ExecResult execute(SshTarget target, RemoteCommand command) {
        return execute(target, command, ExecOptions.defaults());
    }
}
