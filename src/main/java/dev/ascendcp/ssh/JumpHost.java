package dev.ascendcp.ssh;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A bastion the target is reached through (an SSH {@code direct-tcpip} channel). Its host key is checked like a
 * target's, under its own {@link #id()} {@code jump:<host>:<port>}.
 */
public record JumpHost(
        String host,
        int port,
        String username,
        SshAuth auth,
        HostKeyPolicy hostKeyPolicy,
        @Nullable HostKeyPin pinnedHostKey) {

    public JumpHost {
        SshNames.host(host);
        SshNames.port(port);
        SshNames.user(username);
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
    }

    /** A jump host with trust on first use and no pinned key yet. */
    public static JumpHost of(String host, int port, String username, SshAuth auth) {
        return new JumpHost(host, port, username, auth, HostKeyPolicy.TOFU, null);
    }

    /** The id under which the jump host's key is pinned. */
    public String id() {
        return "jump:" + host + ":" + port;
    }

    public JumpHost withPinnedHostKey(@Nullable HostKeyPin pin) {
        return new JumpHost(host, port, username, auth, hostKeyPolicy, pin);
    }

    public JumpHost withHostKeyPolicy(HostKeyPolicy policy) {
        return new JumpHost(host, port, username, auth, policy, pinnedHostKey);
    }
}
