package dev.ascendcp.ssh;

/**
 * Opens SSH local port forwards: a port on 127.0.0.1 of this machine whose connections are carried over the SSH
 * connection of a target to {@code remoteHost:remotePort} as seen from that target (like {@code ssh -L}).
 */
public interface PortForwarder {

    /**
     * Starts forwarding an ephemeral local port to {@code remoteHost:remotePort} through {@code target}.
     *
     * @throws ForwardFailedException when the SSH connection cannot be set up
     */
    LocalForward forward(SshTarget target, String remoteHost, int remotePort);
}
