package dev.ascendcp.ssh;

import com.hierynomus.sshj.key.KeyAlgorithm;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens and authenticates sshj connections, directly or through a jump host, and names what went wrong. */
final class SshjConnector {

    private static final Logger log = LoggerFactory.getLogger(SshjConnector.class);

    private final DefaultConfig config = newConfig(null);
    private final Map<String, DefaultConfig> configsByPinnedAlgorithm = new ConcurrentHashMap<>();
    private final SshProperties properties;
    private final ScheduledExecutorService watchdogs;

    SshjConnector(SshProperties properties, ScheduledExecutorService watchdogs) {
        this.properties = properties;
        this.watchdogs = watchdogs;
    }

    /**
     * A server offers one host key per algorithm and the client picks by its preference list. With a pin, the pinned
     * key's algorithm goes first, so that a node whose pin came from known_hosts (say its ed25519 key) is not refused
     * as "changed" only because the client would have preferred its ecdsa key.
     */
    private static DefaultConfig newConfig(@Nullable String pinnedAlgorithm) {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        if (pinnedAlgorithm != null) {
            List<Factory.Named<KeyAlgorithm>> algorithms = new ArrayList<>(config.getKeyAlgorithms());
            algorithms.sort(Comparator.comparing(factory -> !signs(pinnedAlgorithm, factory.getName())));
            config.setKeyAlgorithms(algorithms);
        }
        return config;
    }

    /** Whether the signature algorithm {@code name} is made with a key of type {@code keyType}. */
    static boolean signs(String keyType, String name) {
        return name.equals(keyType) || ("ssh-rsa".equals(keyType) && name.startsWith("rsa-sha2-"));
    }

    private DefaultConfig configFor(@Nullable HostKeyPin pin) {
        return pin == null
                ? config
                : configsByPinnedAlgorithm.computeIfAbsent(pin.algorithm(), SshjConnector::newConfig);
    }

    SshjConnection connect(SshTarget target, HostKeyListener listener) throws ConnectFailedException {
        SSHClient jumpClient = null;
        @Nullable String jumpHostKey = null;
        JumpHost jump = target.jumpHost();
        if (jump != null) {
            Endpoint via = new Endpoint(
                    jump.id(), "jump host " + jump.id(), jump.host(), jump.port(), jump.username(), jump.auth());
            Opened bastion = open(via, jump.hostKeyPolicy(), jump.pinnedHostKey(), listener, null);
            jumpClient = bastion.client();
            jumpHostKey = bastion.hostKeyBase64();
        }
        try {
            Endpoint endpoint = new Endpoint(
                    target.id(), target.id(), target.host(), target.port(), target.username(), target.auth());
            Opened opened = open(endpoint, target.hostKeyPolicy(), target.pinnedHostKey(), listener, jumpClient);
            log.info(
                    "SSH connection to {} ({}) open{}",
                    target.id(),
                    target.address(),
                    jump == null ? "" : " via " + jump.id());
            return new SshjConnection(opened.client(), jumpClient, opened.hostKeyBase64(), jumpHostKey);
        } catch (ConnectFailedException e) {
            if (jumpClient != null) {
                SshjConnection.closeQuietly(jumpClient);
            }
            throw e;
        }
    }

    private record Endpoint(String id, String label, String host, int port, String username, SshAuth auth) {
        String address() {
            return username + "@" + host + ":" + port;
        }
    }

    private record Opened(SSHClient client, @Nullable String hostKeyBase64) {}

    private Opened open(
            Endpoint endpoint,
            HostKeyPolicy policy,
            @Nullable HostKeyPin pin,
            HostKeyListener listener,
            @Nullable SSHClient via)
            throws ConnectFailedException {
        SSHClient client = new SSHClient(configFor(pin));
        PinningHostKeyVerifier verifier = new PinningHostKeyVerifier(endpoint.id(), policy, pin, listener);
        client.addHostKeyVerifier(verifier);
        int timeoutMs =
                (int) Math.min(Integer.MAX_VALUE, properties.connectTimeout().toMillis());
        client.setConnectTimeout(timeoutMs);
        client.getTransport().setTimeoutMs(timeoutMs);
        client.getConnection().getKeepAlive().setKeepAliveInterval((int)
                Math.max(1, properties.keepAlive().toSeconds()));
        // A server that accepts TCP but never speaks SSH would block the handshake forever: cut it off.
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = watchdogs.schedule(
                () -> {
                    timedOut.set(true);
                    SshjConnection.closeQuietly(client);
                },
                timeoutMs,
                TimeUnit.MILLISECONDS);
        try {
            KeyProvider key = loadKey(client, endpoint);
            if (via != null) {
                client.connectVia(via.newDirectConnection(endpoint.host(), endpoint.port()));
            } else {
                client.connect(endpoint.host(), endpoint.port());
            }
            authenticate(client, endpoint, key);
            watchdog.cancel(false);
            if (timedOut.get()) {
                throw new IOException("connect timeout");
            }
            return new Opened(client, verifier.acceptedBase64());
        } catch (IOException | RuntimeException e) {
            watchdog.cancel(false);
            SshjConnection.closeQuietly(client);
            ExecFailure rejection = verifier.rejection();
            if (rejection != null) {
                throw new ConnectFailedException(rejection, e);
            }
            if (timedOut.get()) {
                throw new ConnectFailedException(timeout(endpoint), e);
            }
            throw new ConnectFailedException(classify(e, endpoint, via != null), e);
        } catch (ConnectFailedException e) {
            watchdog.cancel(false);
            SshjConnection.closeQuietly(client);
            throw e;
        }
    }

    private static @Nullable KeyProvider loadKey(SSHClient client, Endpoint endpoint) throws ConnectFailedException {
        if (!(endpoint.auth() instanceof SshAuth.Key key)) {
            return null;
        }
        try {
            KeyProvider provider = key.passphrase() == null
                    ? client.loadKeys(key.privateKey(), null, null)
                    : client.loadKeys(
                            key.privateKey(),
                            null,
                            PasswordUtils.createOneOff(key.passphrase().toCharArray()));
            provider.getPrivate();
            return provider;
        } catch (IOException | RuntimeException e) {
            String hint = key.passphrase() == null ? "" : " (wrong passphrase?)";
            throw new ConnectFailedException(
                    ExecFailure.of(
                            FailureReason.AUTH_FAILED,
                            "the private key for " + endpoint.label() + " could not be read" + hint + ": "
                                    + e.getClass().getSimpleName()),
                    e);
        }
    }

    private static void authenticate(SSHClient client, Endpoint endpoint, @Nullable KeyProvider key)
            throws IOException, ConnectFailedException {
        try {
            if (key != null) {
                client.authPublickey(endpoint.username(), key);
            } else {
                client.authPassword(endpoint.username(), ((SshAuth.Password) endpoint.auth()).password());
            }
        } catch (UserAuthException e) {
            String method = key != null ? "key" : "password";
            throw new ConnectFailedException(
                    ExecFailure.of(
                            FailureReason.AUTH_FAILED,
                            "authentication as " + endpoint.address() + " (" + method + ") failed for "
                                    + endpoint.label() + ": the server refused the credentials"),
                    e);
        }
    }

    private ExecFailure timeout(Endpoint endpoint) {
        return ExecFailure.of(
                FailureReason.CONNECT_TIMEOUT,
                "no SSH session with " + endpoint.label() + " (" + endpoint.address() + ") within "
                        + properties.connectTimeout().toMillis() + " ms");
    }

    private ExecFailure classify(Throwable error, Endpoint endpoint, boolean viaJump) {
        String where = endpoint.label() + " (" + endpoint.address() + ")";
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof InterruptedIOException) {
                return ExecFailure.of(
                        FailureReason.CONNECT_TIMEOUT,
                        "no SSH session with " + where + " within "
                                + properties.connectTimeout().toSeconds() + "s");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return ExecFailure.of(FailureReason.IO, "cannot connect to " + where + ": " + t.getMessage());
            }
            if (t instanceof UnknownHostException) {
                return ExecFailure.of(FailureReason.IO, "unknown host " + endpoint.host() + " for " + where);
            }
            if (t instanceof OpenFailException && viaJump) {
                return ExecFailure.of(
                        FailureReason.IO, "the jump host could not open a tunnel to " + where + ": " + t.getMessage());
            }
        }
        return ExecFailure.of(FailureReason.IO, "SSH connection to " + where + " failed: " + error.getMessage());
    }
}
