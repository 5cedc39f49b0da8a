package dev.ascendcp.ssh;

import static dev.ascendcp.ssh.OpenSshServerExtension.PLAIN_USER;
import static dev.ascendcp.ssh.OpenSshServerExtension.SUDO_USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.ssh.OpenSshServerExtension.UserKey;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract against a real OpenSSH sshd, plus what only a real Linux node can show: sudo, jump hosts, keys. */
class OpenSshRemoteExecutorIntegrationTests extends RemoteExecutorContract {

    @RegisterExtension
    static final OpenSshServerExtension sshd = new OpenSshServerExtension();

    private static final String LOCALHOST = "127.0.0.1";

    @Override
    protected SshTarget target(String id) {
        return SshTarget.of(id, LOCALHOST, sshd.port(), PLAIN_USER, sshd.keyAuth(UserKey.ED25519));
    }

    @Override
    protected SshTarget passwordTarget(String id, String password) {
        return SshTarget.of(id, LOCALHOST, sshd.port(), PLAIN_USER, SshAuth.password(password));
    }

    @Override
    protected String validPassword() {
        return sshd.password(PLAIN_USER);
    }

    @Override
    protected HostKeyPin hostKey() {
        return sshd.hostKey();
    }

    @Override
    protected HostKeyPin foreignHostKey() {
        return sshd.foreignHostKey();
    }

    @Override
    protected String scratchPath(String name) {
        return sshd.scratch().resolve(name).toString();
    }

    @Override
    protected int remoteProcessCount(String pattern) throws Exception {
        return sshd.processCount(pattern);
    }

    @Test
    void acceptsWhicheverOfTheServersHostKeysIsPinned() {
        for (HostKeyPin pin : List.of(sshd.hostKey(), sshd.ecdsaHostKey())) {
            SshTarget target = target("pinned-" + pin.algorithm()).withPinnedHostKey(pin);

            ExecResult result = executor.execute(target, RemoteCommand.of("true"));

            assertThat(result.failure()).as(pin.algorithm()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(UserKey.class)
    void authenticatesWithEveryKindOfPrivateKey(UserKey key) {
        SshTarget target = SshTarget.of("key-" + key, LOCALHOST, sshd.port(), PLAIN_USER, sshd.keyAuth(key))
                .withPinnedHostKey(sshd.hostKey());

        ExecResult result = executor.execute(target, RemoteCommand.of("id", "-un"));

        assertThat(result.failure()).isNull();
        assertThat(result.stdout().head()).isEqualTo(PLAIN_USER + "\n");
    }

    @Test
    void reportsAWrongPassphraseAsAuthFailed() {
        SshAuth wrong = SshAuth.key(sshd.privateKey(UserKey.ED25519_WITH_PASSPHRASE), "wrong passphrase");
        SshTarget target = SshTarget.of("wrong-passphrase", LOCALHOST, sshd.port(), PLAIN_USER, wrong);

        ExecResult result = executor.execute(target, RemoteCommand.of("true"));

        assertThat(result.failureReason()).isEqualTo(FailureReason.AUTH_FAILED);
        assertThat(result.failure().message()).contains("wrong passphrase?").doesNotContain("wrong passphrase\"");
    }

    @Test
    void fingerprintsLikeSshKeygen() {
        assertThat(sshd.hostKey().fingerprint()).isEqualTo(sshd.hostKeyFingerprintFromKeygen());
        assertThat(sshd.hostKey().algorithm()).isEqualTo("ssh-ed25519");
    }

    @Test
    void runsCommandsAsRootThroughSudo() {
        SshTarget target = SshTarget.of("sudo-ok", LOCALHOST, sshd.port(), SUDO_USER, sshd.keyAuth(UserKey.RSA))
                .withSudo(true)
                .withPinnedHostKey(sshd.hostKey());

        ExecResult result =
                executor.execute(target, RemoteCommand.of("id", "-u").and(RemoteCommand.of("echo", "$HOME")));

        assertThat(result.failure()).isNull();
        assertThat(result.stdout().head()).isEqualTo("0\n$HOME\n");
    }

    @Test
    void failsAtOnceAndClearlyWithoutTheSudoRight() {
        SshTarget target = target("sudo-missing").withSudo(true).withPinnedHostKey(sshd.hostKey());

        ExecResult result = executor.execute(target, RemoteCommand.of("id", "-u"));

        assertThat(result.failureReason()).isEqualTo(FailureReason.NON_ZERO_EXIT);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.failure().message()).contains("sudo: a password is required", PLAIN_USER);
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(60)
    void cancelKillsRootProcessesStartedThroughSudo() throws Exception {
        SshTarget target = SshTarget.of("sudo-cancel", LOCALHOST, sshd.port(), SUDO_USER, sshd.keyAuth(UserKey.ECDSA))
                .withSudo(true)
                .withPinnedHostKey(sshd.hostKey());
        CountDownLatch started = new CountDownLatch(1);
        Cancellation cancellation = new Cancellation();
        ExecOptions options = options().withCancellation(cancellation).withSink((stream, line) -> {
            if (line.equals("0")) {
                started.countDown();
            }
        });

        CompletableFuture<ExecResult> run = CompletableFuture.supplyAsync(() -> executor.execute(
                target, RemoteCommand.of("sh", "-c", "id -u; sleep 3181 & sleep 3181 & wait"), options));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sshd.processCount("sleep 3181")).isGreaterThanOrEqualTo(2);
        cancellation.cancel();
        ExecResult result = run.get(30, TimeUnit.SECONDS);

        assertThat(result.failureReason()).isEqualTo(FailureReason.CANCELLED);
        awaitZero(() -> {
            try {
                return sshd.processCount("sleep 3181");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void runsThroughAJumpHostWithItsOwnHostKeyCheck() {
        String id = "behind-jump-" + UUID.randomUUID();
        JumpHost jump = JumpHost.of(LOCALHOST, sshd.port(), SUDO_USER, SshAuth.password(sshd.password(SUDO_USER)));
        SshTarget target = target(id).withJumpHost(jump);

        ExecResult result = executor.execute(target, RemoteCommand.of("echo", "via-jump"));

        assertThat(result.failure()).isNull();
        assertThat(result.stdout().head()).isEqualTo("via-jump\n");
        assertThat(jump.id()).isEqualTo("jump:127.0.0.1:" + sshd.port());
        assertThat(hostKeys.firstSeen)
                .filteredOn(f -> f.targetId().equals(jump.id()) || f.targetId().equals(id))
                .extracting(RecordingHostKeyListener.FirstSeen::targetId)
                .contains(jump.id(), id);
    }

    @Test
    void keepsTheConnectionWhenTheJumpHostKeyItAcceptedGetsPinnedAndReconnectsForAnotherPin() {
        String id = "jump-reuse-" + UUID.randomUUID();
        JumpHost jump = JumpHost.of(LOCALHOST, sshd.port(), SUDO_USER, SshAuth.password(sshd.password(SUDO_USER)));
        assertThat(executor.execute(target(id).withJumpHost(jump), RemoteCommand.of("true"))
                        .failure())
                .isNull();
        RecordingHostKeyListener.FirstSeen seen = hostKeys.firstSeen.stream()
                .filter(f -> f.targetId().equals(jump.id()))
                .reduce((a, b) -> b)
                .orElseThrow();
        HostKeyPin recorded = new HostKeyPin(seen.algorithm(), seen.fingerprint(), seen.base64());

        ExecResult pinned =
                executor.execute(target(id).withJumpHost(jump.withPinnedHostKey(recorded)), RemoteCommand.of("true"));
        long afterPin = executor.connectionsOpened(id);
        ExecResult foreign = executor.execute(
                target(id).withJumpHost(jump.withPinnedHostKey(sshd.foreignHostKey())), RemoteCommand.of("true"));

        assertThat(pinned.failure()).isNull();
        assertThat(afterPin).isEqualTo(1);
        assertThat(foreign.failureReason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
        assertThat(executor.connectionsOpened(id)).isEqualTo(1);
    }

    @Test
    void refusesAJumpHostWhoseKeyChanged() {
        JumpHost jump = JumpHost.of(LOCALHOST, sshd.port(), SUDO_USER, SshAuth.password(sshd.password(SUDO_USER)))
                .withPinnedHostKey(sshd.foreignHostKey());
        SshTarget target = target("behind-bad-jump").withJumpHost(jump).withPinnedHostKey(sshd.hostKey());

        ExecResult result = executor.execute(target, RemoteCommand.of("true"));

        assertThat(result.failureReason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
        assertThat(result.failure().message()).contains(jump.id());
        assertThat(result.failure().expectedFingerprint())
                .isEqualTo(sshd.foreignHostKey().fingerprint());
    }

    @Test
    void reportsAConnectTimeoutWhenTheServerNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SshTarget target =
                    SshTarget.of("silent", LOCALHOST, silent.getLocalPort(), PLAIN_USER, SshAuth.password("x"));
            Instant start = Instant.now();

            ExecResult result = executor.execute(target, RemoteCommand.of("true"));

            assertThat(result.failureReason()).isEqualTo(FailureReason.CONNECT_TIMEOUT);
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void reportsARefusedConnectionAsIo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SshTarget target = SshTarget.of("refused", LOCALHOST, port, PLAIN_USER, SshAuth.password("x"));

        ExecResult result = executor.execute(target, RemoteCommand.of("true"));

        assertThat(result.failureReason()).isEqualTo(FailureReason.IO);
        assertThat(result.failure().message()).contains("cannot connect");
    }

    @Test
    @Timeout(60)
    void aLocalForwardSurvivesARefusedConnectionAndCarriesTheNextOne() throws Exception {
        int remotePort = PortForwarderIntegrationTests.freePort();
        try (LocalForward forward = executor.forward(pinned("forward-churn"), LOCALHOST, remotePort)) {
            assertThat(PortForwarderIntegrationTests.exchange(forward.localPort(), "refused"))
                    .isNull();
            assertThat(forward.isOpen()).isTrue();
            try (ServerSocket late = new ServerSocket()) {
                late.setReuseAddress(true);
                late.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), remotePort));
                Thread server = new Thread(() -> PortForwarderIntegrationTests.serveOnce(late), "late-echo");
                server.setDaemon(true);
                server.start();

                assertThat(PortForwarderIntegrationTests.exchange(forward.localPort(), "late"))
                        .isEqualTo("late:late");
            }
            assertThat(forward.isOpen()).isTrue();
        }
    }

    @Test
    void sharesOneSshdConnectionAmongConcurrentCommands() throws Exception {
        String id = "log-shared-" + UUID.randomUUID();
        SshTarget target = SshTarget.of(id, LOCALHOST, sshd.port(), SUDO_USER, sshd.keyAuth(UserKey.RSA_PEM))
                .withPinnedHostKey(sshd.hostKey());
        long acceptedBefore = countAccepted(SUDO_USER);

        List<CompletableFuture<ExecResult>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> executor.execute(target, RemoteCommand.of("sleep", "1"))));
        }
        runs.forEach(CompletableFuture::join);

        assertThat(runs).allMatch(run -> run.join().succeeded());
        assertThat(countAccepted(SUDO_USER) - acceptedBefore).isEqualTo(1);
    }

    private static long countAccepted(String user) throws Exception {
        return sshd.log()
                .lines()
                .filter(line -> line.contains("Accepted publickey for " + user))
                .count();
    }
}
