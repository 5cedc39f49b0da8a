package dev.ascendcp.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Access mode {@code auto} when {@code head:port} cannot be reached (connecting times out, as behind a firewall that
 * drops packets): the control plane falls back to an SSH local port forward. The unreachable port is a listener whose
 * accept queue is full, so the kernel drops further connection attempts instead of refusing them.
 */
@SpringBootTest(
        properties = {
            "ascendcp.serving.access=auto",
            "ascendcp.serving.connect-timeout=500ms",
            "ascendcp.serving.poll-interval=200ms",
            "ascendcp.serving.readiness-timeout=20s",
            "ascendcp.serving.health-check-interval=1h"
        })
@AutoConfigureMockMvc
class ServeAutoAccessIntegrationTests extends TunnelledServing {

    private ServerSocket blackHole;
    private final List<Socket> queued = new ArrayList<>();

    @Override
    void beforeInventory() throws IOException {
        blackHole = new ServerSocket();
        blackHole.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1);
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(blackHole.getLocalSocketAddress(), 300);
                queued.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue of 127.0.0.1:" + port + " never filled up");
    }

    @Override
    void assertNothingAnswersDirectly() {
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    }
                })
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(blackHole.isClosed()).isFalse();
    }

    @AfterAll
    void releasePort() throws IOException {
        for (Socket s : queued) {
            s.close();
        }
        if (blackHole != null) {
            blackHole.close();
        }
    }
}
