package dev.ascendcp.serving;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.inventory.NodeSshTargets;
import dev.ascendcp.ssh.ForwardFailedException;
import dev.ascendcp.ssh.LocalForward;
import dev.ascendcp.ssh.PortForwarder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where the control plane sends HTTP for an endpoint on {@code head:port}: the address itself, or an SSH local port
 * forward to it when it cannot be reached ({@link AccessMode}). Forwards are kept per head and port and reused.
 */
@Component
class EndpointAccess implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EndpointAccess.class);

    private final ServingProperties properties;
    private final PortForwarder forwarder;
    private final NodeSshTargets targets;
    private final Map<String, LocalForward> forwards = new ConcurrentHashMap<>();

    EndpointAccess(ServingProperties properties, PortForwarder forwarder, NodeSshTargets targets) {
        this.properties = properties;
        this.forwarder = forwarder;
        this.targets = targets;
    }

    /** The endpoint's public URL, as users reach it. */
    static URI publicUrl(NodeResponse head, int port) {
        return URI.create("http://" + hostPart(head.host()) + ":" + port);
    }

    /** The base URL to send requests to now. */
    URI baseFor(NodeResponse head, int port) {
        boolean tunnel = switch (properties.access()) {
            case DIRECT -> false;
            case TUNNEL -> true;
            case AUTO -> !reachable(head.host(), port);
        };
        return tunnel ? viaForward(head, port) : publicUrl(head, port);
    }

    /** Drops a forward that stopped working (the next call opens a new one). */
    void forget(NodeResponse head, int port) {
        LocalForward forward = forwards.remove(key(head, port));
        if (forward != null) {
            forward.close();
        }
    }

    private URI viaForward(NodeResponse head, int port) {
        LocalForward forward = forwards.compute(key(head, port), (k, existing) -> {
            if (existing != null && existing.isOpen()) {
                return existing;
            }
            log.info("Reaching {}:{} through an SSH port forward", head.name(), port);
            return forwarder.forward(targets.target(head.id()), head.localIp(), port);
        });
        return URI.create("http://127.0.0.1:" + forward.localPort());
    }

    /** True when something answers, or the host actively refuses (it is reachable, only the port is closed). */
    private boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int)
                    properties.connectTimeout().toMillis());
            return true;
        } catch (ConnectException refused) {
            return refused.getMessage() != null && refused.getMessage().contains("refused");
        } catch (IOException unreachable) {
            return false;
        }
    }

    private static String key(NodeResponse head, int port) {
        return head.id() + ":" + port;
    }

    private static String hostPart(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void destroy() {
        forwards.values().forEach(LocalForward::close);
        forwards.clear();
    }

    /** For callers that treat a failed forward like an unreachable endpoint. */
    static boolean isForwardFailure(RuntimeException e) {
        return e instanceof ForwardFailedException;
    }
}
