package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each simulated node is a real SSH server: host key, login, exec, streaming, the ssh adapter's wire form. */
class SshServerIntegrationTests {

    @TempDir
    Path keys;

    KeyPair clientKey;
    SimulatedCluster cluster;

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        clientKey = gen.generateKeyPair();
        cluster = SimulatedCluster.start(ClusterSpec.builder(keys)
                .nodes(2)
                .password("s3cret")
                .authorizedKey(PublicKeyEntry.toString(clientKey.getPublic()) + " test@ascendcp")
                .hccnLatency(Duration.ZERO)
                .build());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void acceptsTheConfiguredPublicKeyAndPassword() throws Exception {
        SimulatedNode node = cluster.nodes().get(0);
        try (SSHClient ssh = SshClients.connect(node)) {
            ssh.authPublickey("ascend", new KeyPairWrapper(clientKey));
            assertThat(SshClients.exec(ssh, "echo hello; id -un").stdout()).isEqualTo("hello\nascend\n");
        }
        try (SSHClient ssh = SshClients.connect(node)) {
            ssh.authPassword("ascend", "s3cret");
            SshClients.Result r = SshClients.exec(ssh, "echo out; echo err >&2; exit 7");
            assertThat(r.stdout()).isEqualTo("out\n");
            assertThat(r.stderr()).isEqualTo("err\n");
            assertThat(r.status()).isEqualTo(7);
        }
    }

    @Test
    void rejectsAWrongPasswordAnUnknownKeyAndAnotherUser() throws Exception {
        SimulatedNode node = cluster.nodes().get(0);
        try (SSHClient ssh = SshClients.connect(node)) {
            assertThatThrownBy(() -> ssh.authPassword("ascend", "wrong")).isInstanceOf(UserAuthException.class);
        }
        try (SSHClient ssh = SshClients.connect(node)) {
            assertThatThrownBy(() -> ssh.authPassword("root", "s3cret")).isInstanceOf(UserAuthException.class);
        }
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair other = gen.generateKeyPair();
        try (SSHClient ssh = SshClients.connect(node)) {
            assertThatThrownBy(() -> ssh.authPublickey("ascend", new KeyPairWrapper(other)))
                    .isInstanceOf(UserAuthException.class);
        }
    }

    @Test
    void hostKeyAndPortSurviveARestartAndNodesHaveTheirOwnKeys() throws Exception {
        SimulatedNode node = cluster.nodes().get(0);
        String fingerprint = node.hostKeyFingerprint();
        int port = node.port();
        assertThat(fingerprint).matches("SHA256:[A-Za-z0-9+/]{43}");
        assertThat(cluster.nodes().get(1).hostKeyFingerprint()).isNotEqualTo(fingerprint);
        node.stop();
        assertThat(node.isRunning()).isFalse();
        assertThatThrownBy(() -> SshClients.connect(node)).isInstanceOf(java.io.IOException.class);
        node.start();
        assertThat(node.port()).isEqualTo(port);
        assertThat(node.hostKeyFingerprint()).isEqualTo(fingerprint);
        try (SSHClient ssh = SshClients.connect(node)) {
            ssh.authPassword("ascend", "s3cret");
            assertThat(SshClients.exec(ssh, "true").status()).isZero();
        }
        cluster.close();
        cluster = SimulatedCluster.start(
                ClusterSpec.builder(keys).nodes(2).password("s3cret").build());
        assertThat(cluster.nodes().get(0).hostKeyFingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void wireFormReportsTheProcessGroupAndTheKillFormStopsIt() throws Exception {
        SimulatedNode node = cluster.nodes().get(0);
        try (SSHClient ssh = SshClients.connect(node)) {
            ssh.authPassword("ascend", "s3cret");
            try (Session session = ssh.startSession()) {
                Session.Command cmd = session.exec("echo __acp_pid=$$; exec sh -c 'echo started; sleep 300'");
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(cmd.getInputStream(), StandardCharsets.UTF_8));
                String first = out.readLine();
                assertThat(first).matches("__acp_pid=[0-9]+");
                assertThat(out.readLine()).isEqualTo("started");
                String pgid = first.substring("__acp_pid=".length());
                long before = System.nanoTime();
                SshClients.Result kill = SshClients.exec(
                        ssh,
                        "kill -TERM -- -" + pgid + " 2>/dev/null; sleep 1; kill -KILL -- -" + pgid
                                + " 2>/dev/null; true");
                assertThat(kill.status()).isZero();
                cmd.join(5, TimeUnit.SECONDS);
                assertThat(cmd.getExitStatus()).isEqualTo(143);
                assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
            }
        }
        Thread.sleep(200);
        assertThat(node.runningProcessCount()).isZero();
    }

    @Test
    void hostileArgumentsArriveLiterallyThroughTheWireForm() throws Exception {
        String command = "printf '%s\\n' '$(id)' '`x`' 'a;b' 'it'\\''s'";
        String wire = "echo __acp_pid=$$; exec sh -c '" + command.replace("'", "'\\''") + "'";
        try (SSHClient ssh = SshClients.connect(cluster.nodes().get(0))) {
            ssh.authPassword("ascend", "s3cret");
            SshClients.Result r = SshClients.exec(ssh, wire);
            assertThat(r.stdout()).matches("__acp_pid=[0-9]+\n\\$\\(id\\)\n`x`\na;b\nit's\n");
            assertThat(r.status()).isZero();
        }
    }

    @Test
    void sudoWithoutTheRightFailsAtOnce() throws Exception {
        SimulatedCluster noSudo = SimulatedCluster.start(ClusterSpec.builder(keys.resolve("nosudo"))
                .nodes(1)
                .password("pw")
                .sudo(false)
                .build());
        try (SSHClient ssh = SshClients.connect(noSudo.nodes().get(0))) {
            ssh.authPassword("ascend", "pw");
            SshClients.Result r = SshClients.exec(ssh, "echo __acp_pid=$$; exec sudo -n -- sh -c 'id -un'");
            assertThat(r.stdout()).matches("__acp_pid=[0-9]+\n");
            assertThat(r.stderr()).isEqualTo("sudo: a password is required\n");
            assertThat(r.status()).isEqualTo(1);
        } finally {
            noSudo.close();
        }
    }

    @Test
    void outputStreamsWhileTheCommandRunsAndLargeOutputIsNotBuffered() throws Exception {
        SimulatedNode node = cluster.nodes().get(1);
        try (SSHClient ssh = SshClients.connect(node)) {
            ssh.authPassword("ascend", "s3cret");
            try (Session session = ssh.startSession()) {
                long start = System.nanoTime();
                Session.Command cmd = session.exec("echo first; sleep 2; echo second");
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(cmd.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("first");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
                assertThat(out.readLine()).isEqualTo("second");
            }
            try (Session session = ssh.startSession()) {
                Session.Command cmd = session.exec("head -c 1073741824 /dev/zero");
                InputStream in = cmd.getInputStream();
                byte[] buf = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                }
                cmd.join(10, TimeUnit.SECONDS);
                assertThat(total).isEqualTo(1L << 30);
                assertThat(cmd.getExitStatus()).isZero();
            }
        }
    }
}
