package dev.ascendcp.ssh;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to run commands: one node. {@link #id()} identifies the node for connection reuse and key pinning
 * (all commands with the same id share one SSH connection). {@code sudo} runs every command through
 * {@code sudo -n}. The secrets in {@link #auth()} are never rendered by {@link #toString()}.
 */
public record SshTarget(
        String id,
        String host,
        int port,
        String username,
        SshAuth auth,
        boolean sudo,
        @Nullable JumpHost jumpHost,
        HostKeyPolicy hostKeyPolicy,
        @Nullable HostKeyPin pinnedHostKey) {

    public SshTarget {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("target id must be 1-200 characters");
        }
        SshNames.host(host);
        SshNames.port(port);
        SshNames.user(username);
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
    }

    /** A direct target without sudo, with trust on first use and no pinned key yet. */
    public static SshTarget of(String id, String host, int port, String username, SshAuth auth) {
        return new SshTarget(id, host, port, username, auth, false, null, HostKeyPolicy.TOFU, null);
    }

    public SshTarget withSudo(boolean useSudo) {
        return new SshTarget(id, host, port, username, auth, useSudo, jumpHost, hostKeyPolicy, pinnedHostKey);
    }

    public SshTarget withJumpHost(@Nullable JumpHost jump) {
        return new SshTarget(id, host, port, username, auth, sudo, jump, hostKeyPolicy, pinnedHostKey);
    }

    public SshTarget withHostKeyPolicy(HostKeyPolicy policy) {
        return new SshTarget(id, host, port, username, auth, sudo, jumpHost, policy, pinnedHostKey);
    }

    public SshTarget withPinnedHostKey(@Nullable HostKeyPin pin) {
        return new SshTarget(id, host, port, username, auth, sudo, jumpHost, hostKeyPolicy, pin);
    }

    public SshTarget withAuth(SshAuth newAuth) {
        return new SshTarget(id, host, port, username, newAuth, sudo, jumpHost, hostKeyPolicy, pinnedHostKey);
    }

    public SshTarget withId(String newId) {
        return new SshTarget(newId, host, port, username, auth, sudo, jumpHost, hostKeyPolicy, pinnedHostKey);
    }

    /** {@code user@host:port}, for messages. */
    String address() {
        return username + "@" + host + ":" + port;
    }
}
