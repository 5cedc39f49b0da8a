package dev.ascendcp.simulator;

import dev.ascendcp.simulator.shell.ExecCommand;
import dev.ascendcp.simulator.shell.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.jspecify.annotations.Nullable;

/**
 * The MINA SSH server of one node: its host key (kept in a file), password/public-key login, exec requests and the local
 * port forwards its filter allows.
 */
final class NodeServer {

    private final String host;
    private final SimpleGeneratorHostKeyProvider hostKeys;
    private final Credentials credentials;
    private final Machine machine;
    private final ForwardingFilter forwarding;
    private volatile int port;
    private volatile @Nullable SshServer server;

    NodeServer(
            String host,
            int port,
            Path hostKeyFile,
            Credentials credentials,
            Machine machine,
            ForwardingFilter forwarding) {
        this.host = host;
        this.port = port;
        this.credentials = credentials;
        this.machine = machine;
        this.forwarding = forwarding;
        try {
            Files.createDirectories(hostKeyFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
    }

    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(host);
        sshd.setPort(port);
        sshd.setKeyPairProvider(hostKeys);
        sshd.setPasswordAuthenticator((user, pw, session) -> credentials.passwordMatches(user, pw));
        sshd.setPublickeyAuthenticator((user, key, session) -> credentials.keyMatches(user, key));
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory((channel, command) -> new ExecCommand(machine, command));
        sshd.setForwardingFilter(forwarding);
        sshd.start();
        port = sshd.getPort();
        server = sshd;
    }

    synchronized void stop() {
        SshServer sshd = server;
        server = null;
        if (sshd != null) {
            try {
                sshd.stop(true);
            } catch (IOException ignored) {
                // immediate stop closes the sockets; nothing else to release
            }
        }
    }

    boolean isRunning() {
        return server != null;
    }

    int port() {
        return port;
    }

    String host() {
        return host;
    }

    /** {@code SHA256:<base64 without padding>} of the host key blob, as OpenSSH prints it. */
    String fingerprint() {
        List<KeyPair> keys = hostKeys.loadKeys(null);
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, keys.get(0).getPublic());
    }

    /** The host key as an OpenSSH public key line ({@code ecdsa-sha2-nistp256 AAAA…}), as known_hosts holds it. */
    String publicKeyLine() {
        List<KeyPair> keys = hostKeys.loadKeys(null);
        return PublicKeyEntry.toString(keys.get(0).getPublic());
    }
}
