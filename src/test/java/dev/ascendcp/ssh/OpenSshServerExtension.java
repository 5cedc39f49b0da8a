package dev.ascendcp.ssh;

import dev.ascendcp.support.ExternalService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH {@code sshd} for one test class: its own config, host key, port and log in a temp directory, two
 * local users ({@value #SUDO_USER} with passwordless sudo, {@value #PLAIN_USER} without) with fresh random passwords
 * and one authorized key of each kind. Needs root and {@code /usr/sbin/sshd}; skips otherwise (fails on CI). Public
 * for the inventory's tests of jump hosts, which need a real bastion that can be restarted with new host keys.
 */
public final class OpenSshServerExtension implements BeforeAllCallback, AfterAllCallback {

    static final String SUDO_USER = "acpssh-sudo";
    public static final String PLAIN_USER = "acpssh-plain";
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SUDOERS = Path.of("/etc/sudoers.d/acpssh-test");

    /** The kinds of user keys the server authorizes. */
    public enum UserKey {
        RSA("-t", "rsa", "-b", "2048"),
        ECDSA("-t", "ecdsa", "-b", "256"),
        ED25519("-t", "ed25519"),
        RSA_PEM("-t", "rsa", "-b", "2048", "-m", "PEM"),
        ED25519_WITH_PASSPHRASE("-t", "ed25519");

        final List<String> keygenArgs;

        UserKey(String... keygenArgs) {
            this.keygenArgs = List.of(keygenArgs);
        }

        @Nullable
        String passphrase() {
            return this == ED25519_WITH_PASSPHRASE ? "correct horse battery" : null;
        }
    }

    private final Map<String, String> passwords = new java.util.HashMap<>();
    private final Map<UserKey, String> privateKeys = new EnumMap<>(UserKey.class);
    private @Nullable Path dir;
    private @Nullable Process sshd;
    private @Nullable Path config;
    private int starts;
    private int port;
    private @Nullable HostKeyPin hostKey;
    private @Nullable HostKeyPin ecdsaHostKey;
    private @Nullable HostKeyPin foreignHostKey;
    private @Nullable String hostKeyFingerprintFromKeygen;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean present = Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
        ExternalService.require(
                "OpenSSH sshd",
                root && present,
                !present
                        ? SSHD + " or ssh-keygen is not installed"
                        : "the tests must run as root to create test users");
        dir = Files.createTempDirectory("acp-sshd-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        createUsers();
        createKeys();
        createHostKeys();
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        run("chmod", "1777", scratch.toString());
        port = freePort();
        config = writeConfig();
        run(SSHD.toString(), "-t", "-f", config.toString());
        startServer();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stopServer();
        if (dir != null) {
            run("rm", "-rf", dir.toString());
        }
    }

    /**
     * Stops sshd and the sessions it serves, as a reinstalled machine would, gives it fresh host keys and starts it
     * again on the same port. {@link #hostKey()}, {@link #ecdsaHostKey()} and {@link #log()} then describe the new
     * server.
     */
    public void restartWithNewHostKeys() throws IOException, InterruptedException {
        stopServer();
        createHostKeys();
        startServer();
    }

    private void startServer() throws IOException, InterruptedException {
        starts++;
        sshd = new ProcessBuilder(
                        SSHD.toString(),
                        "-D",
                        "-e",
                        "-f",
                        java.util.Objects.requireNonNull(config).toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile().toFile())
                .start();
        awaitListening();
    }

    /** Ends sshd and its children (one per connection), all started by this extension, by their process ids. */
    private void stopServer() throws InterruptedException {
        Process server = sshd;
        sshd = null;
        if (server == null) {
            return;
        }
        List<ProcessHandle> sessions = server.descendants().toList();
        sessions.forEach(ProcessHandle::destroy);
        server.destroy();
        if (!server.waitFor(5, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle session : sessions) {
            try {
                session.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                session.destroyForcibly();
            }
        }
    }

    private Path logFile() {
        return java.util.Objects.requireNonNull(dir).resolve("sshd-" + starts + ".log");
    }

    public int port() {
        return port;
    }

    String password(String user) {
        return passwords.get(user);
    }

    public String privateKey(UserKey key) {
        return privateKeys.get(key);
    }

    SshAuth keyAuth(UserKey key) {
        return SshAuth.key(privateKey(key), key.passphrase());
    }

    public HostKeyPin hostKey() {
        return java.util.Objects.requireNonNull(hostKey);
    }

    /** The server's second host key (ECDSA), which a known_hosts import might pin instead of the Ed25519 one. */
    public HostKeyPin ecdsaHostKey() {
        return java.util.Objects.requireNonNull(ecdsaHostKey, "sshd not started");
    }

    HostKeyPin foreignHostKey() {
        return java.util.Objects.requireNonNull(foreignHostKey);
    }

    String hostKeyFingerprintFromKeygen() {
        return java.util.Objects.requireNonNull(hostKeyFingerprintFromKeygen);
    }

    Path scratch() {
        return java.util.Objects.requireNonNull(dir).resolve("scratch");
    }

    /** What the running sshd logged since it (re)started. */
    public String log() throws IOException {
        return Files.readString(logFile());
    }

    /** How many processes of the test users have {@code pattern} in their command line. */
    int processCount(String pattern) throws IOException, InterruptedException {
        Process pgrep = new ProcessBuilder("pgrep", "-f", "-u", SUDO_USER + "," + PLAIN_USER + ",root", pattern)
                .redirectErrorStream(true)
                .start();
        String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        pgrep.waitFor(10, TimeUnit.SECONDS);
        return (int) out.lines().filter(line -> !line.isBlank()).count();
    }

    private void createUsers() throws IOException, InterruptedException {
        SecureRandom random = new SecureRandom();
        StringBuilder chpasswd = new StringBuilder();
        for (String user : List.of(SUDO_USER, PLAIN_USER)) {
            // bash, as on typical nodes (the wire form's "kill -s TERM -- -N" works in dash and bash alike).
            if (exitCode("id", "-u", user) != 0) {
                run("useradd", "--create-home", "--shell", "/bin/bash", user);
            } else {
                run("usermod", "--shell", "/bin/bash", user);
            }
            String password = "pw-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            passwords.put(user, password);
            chpasswd.append(user).append(':').append(password).append('\n');
        }
        Process process =
                new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
        process.getOutputStream().write(chpasswd.toString().getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("chpasswd failed: " + out);
        }
        Files.writeString(SUDOERS, SUDO_USER + " ALL=(ALL) NOPASSWD: ALL\n");
        Files.setPosixFilePermissions(SUDOERS, PosixFilePermissions.fromString("r--r-----"));
    }

    private void createKeys() throws IOException, InterruptedException {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        StringBuilder authorized = new StringBuilder();
        for (UserKey key : UserKey.values()) {
            Path file = keys.resolve(key.name().toLowerCase(java.util.Locale.ROOT));
            List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q"));
            command.addAll(key.keygenArgs);
            command.addAll(List.of(
                    "-N", key.passphrase() == null ? "" : key.passphrase(), "-C", "acp-" + key, "-f", file.toString()));
            run(command.toArray(String[]::new));
            privateKeys.put(key, Files.readString(file));
            authorized.append(Files.readString(Path.of(file + ".pub")));
        }
        Path authorizedKeys = Files.createDirectories(dir.resolve("authorized_keys"));
        Files.setPosixFilePermissions(authorizedKeys, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String user : List.of(SUDO_USER, PLAIN_USER)) {
            Path file = authorizedKeys.resolve(user);
            Files.writeString(file, authorized);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Path foreign = keys.resolve("foreign_host_key");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "acp-foreign", "-f", foreign.toString());
        foreignHostKey = pinOf(Path.of(foreign + ".pub"));
    }

    /** The server's two host keys, replacing any there are (ssh-keygen would ask before overwriting). */
    private void createHostKeys() throws IOException, InterruptedException {
        Path host = dir.resolve("ssh_host_ed25519_key");
        Path second = dir.resolve("ssh_host_ecdsa_key");
        for (Path file : List.of(host, second)) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".pub"));
        }
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "acp-host", "-f", host.toString());
        hostKey = pinOf(Path.of(host + ".pub"));
        hostKeyFingerprintFromKeygen = keygenFingerprint(Path.of(host + ".pub"));
        run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-C", "acp-host-ecdsa", "-f", second.toString());
        ecdsaHostKey = pinOf(Path.of(second + ".pub"));
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(Path.of("/run/sshd"));
        String config = String.join(
                "\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("ssh_host_ed25519_key"),
                "HostKey " + dir.resolve("ssh_host_ecdsa_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys") + "/%u",
                "PubkeyAuthentication yes",
                "PasswordAuthentication yes",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin no",
                "AllowUsers " + SUDO_USER + " " + PLAIN_USER,
                "AllowTcpForwarding yes",
                "MaxSessions 64",
                "MaxStartups 100",
                "PrintMotd no",
                "LogLevel VERBOSE",
                "");
        Path file = dir.resolve("sshd_config");
        Files.writeString(file, config);
        return file;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            if (!sshd.isAlive()) {
                throw new IllegalStateException("sshd exited: " + log());
            }
            if (log().contains("Server listening")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("sshd did not start listening on port " + port + ": " + log());
    }

    private static HostKeyPin pinOf(Path publicKey) throws IOException {
        String[] fields = Files.readString(publicKey).trim().split("\\s+");
        return HostKeyPin.of(fields[0], fields[1]);
    }

    private static String keygenFingerprint(Path publicKey) throws IOException, InterruptedException {
        String out = run("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString());
        return out.trim().split("\\s+")[1];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int exitCode(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
