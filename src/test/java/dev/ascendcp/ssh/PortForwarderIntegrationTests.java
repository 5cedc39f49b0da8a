package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Local port forwards through a real SSH server (MINA, forwarding allowed) to a TCP service behind it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortForwarderIntegrationTests {

    private static final String PASSWORD = "fwd-" + Long.toHexString(System.nanoTime());

    private SshServer sshd;
    private ServerSocket echo;
    private SshjRemoteExecutor executor;

    @BeforeAll
    void start() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("fwd-hostkey");
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("hostkey")));
        sshd.setPasswordAuthenticator((user, pw, session) -> PASSWORD.equals(pw));
        sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        sshd.start();
        echo = new ServerSocket();
        echo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread server = new Thread(this::serveEcho, "echo");
        server.setDaemon(true);
        server.start();
        executor = new SshjRemoteExecutor(SshProperties.defaults(), HostKeyListener.NONE);
    }

    @AfterAll
    void stop() throws Exception {
        executor.close();
        echo.close();
        sshd.stop(true);
    }

    private void serveEcho() {
        while (!echo.isClosed()) {
            try (Socket s = echo.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                out.println("echo:" + in.readLine());
            } catch (Exception e) {
                // closed at the end of the test
            }
        }
    }

    private SshTarget target(String password) {
        return SshTarget.of("fwd-" + password.length(), "127.0.0.1", sshd.getPort(), "ops", SshAuth.password(password));
    }

    @Test
    void carriesConnectionsToTheRemoteServiceUntilClosed() throws Exception {
        LocalForward forward = executor.forward(target(PASSWORD), "127.0.0.1", echo.getLocalPort());
        assertThat(forward.isOpen()).isTrue();
        for (String word : new String[] {"one", "two"}) {
            try (Socket s = new Socket("127.0.0.1", forward.localPort())) {
                new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println(word);
                String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(reply).isEqualTo("echo:" + word);
            }
        }
        int port = forward.localPort();
        forward.close();
        assertThat(forward.isOpen()).isFalse();
        assertThatThrownBy(() -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        s.setSoTimeout(2000);
                        new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println("three");
                        String reply = new BufferedReader(
                                        new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                                .readLine();
                        if (reply == null) {
                            throw new java.io.EOFException("closed");
                        }
                    }
                })
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void survivesAConnectionRefusedByTheRemoteEndAndCarriesTheNextOne() throws Exception {
        int remotePort = freePort();
        try (LocalForward forward = executor.forward(target(PASSWORD), "127.0.0.1", remotePort)) {

            assertThat(exchange(forward.localPort(), "refused")).isNull();
            assertThat(forward.isOpen()).isTrue();
            try (ServerSocket late = new ServerSocket()) {
                late.setReuseAddress(true);
                late.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), remotePort));
                Thread server = new Thread(() -> serveOnce(late), "late-echo");
                server.setDaemon(true);
                server.start();

                assertThat(exchange(forward.localPort(), "late")).isEqualTo("late:late");
            }
            assertThat(forward.isOpen()).isTrue();
        }
    }

    /** Sends {@code word} through the forward; the reply line, or null when the forward closed the connection. */
    static String exchange(int localPort, String word) throws Exception {
        try (Socket s = new Socket("127.0.0.1", localPort)) {
            s.setSoTimeout(10_000);
            new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println(word);
            try {
                return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (java.net.SocketException e) {
                return null;
            }
        }
    }

    static void serveOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8).println("late:" + in.readLine());
        } catch (Exception e) {
            // closed at the end of the test
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void reportsAFailedLoginAsAForwardFailure() {
        assertThatThrownBy(() -> executor.forward(target("wrong-password"), "127.0.0.1", echo.getLocalPort()))
                .isInstanceOf(ForwardFailedException.class)
                .satisfies(
                        e -> assertThat(((ForwardFailedException) e).failure().reason())
                                .isEqualTo(FailureReason.AUTH_FAILED));
    }
}
