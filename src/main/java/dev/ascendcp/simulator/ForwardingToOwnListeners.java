package dev.ascendcp.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;

/**
 * What a simulated node lets SSH clients forward: local forwards ({@code direct-tcpip}, {@code ssh -L}) only to a port
 * one of its own simulated services listens on (vLLM, the Ray GCS), addressed by the node's IP or loopback. Nothing
 * else: no remote forwards, no agent or X11 forwarding, and no relaying to other hosts.
 */
final class ForwardingToOwnListeners implements ForwardingFilter {

    private final SimulatedNode node;

    ForwardingToOwnListeners(SimulatedNode node) {
        this.node = node;
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        return type == Type.Direct && allows(address.getHostName(), address.getPort());
    }

    /** Whether a forward to {@code host:port} reaches one of the node's listeners. */
    boolean allows(String host, int port) {
        String suffix = ":" + port;
        for (String listener : node.listeners()) {
            if (listener.endsWith(suffix)) {
                String ip = listener.substring(0, listener.length() - suffix.length());
                if (host.equals(ip) || host.equals(node.localIp()) || isLoopback(host)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        boolean literal =
                host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || host.contains(":") && host.matches("[0-9a-fA-F:.]+");
        if (!literal) {
            return false; // a name: never resolved on behalf of a client
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return false;
    }

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return false;
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return false;
    }
}
