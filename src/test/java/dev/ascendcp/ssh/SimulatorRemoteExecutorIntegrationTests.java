package dev.ascendcp.ssh;

import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The same contract as against OpenSSH, against a simulated Ascend node: the control plane sees no difference. */
class SimulatorRemoteExecutorIntegrationTests extends RemoteExecutorContract {

    private static final String PASSWORD = "sim-" + Long.toHexString(System.nanoTime());

    @TempDir
    static Path dir;

    private static SimulatedCluster cluster;
    private static String privateKey;

    @BeforeAll
    static void startSimulator() throws Exception {
        Path key = dir.resolve("id_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true)
                .start();
        if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
            throw new IOException("ssh-keygen failed");
        }
        privateKey = Files.readString(key);
        cluster = SimulatedCluster.start(ClusterSpec.builder(dir.resolve("hostkeys"))
                .nodes(2)
                .password(PASSWORD)
                .authorizedKey(Files.readString(dir.resolve("id_ed25519.pub")).trim())
                .build());
    }

    @AfterAll
    static void stopSimulator() {
        cluster.close();
    }

    private static SimulatedNode node() {
        return cluster.nodes().get(0);
    }

    @Override
    protected SshTarget target(String id) {
        return SshTarget.of(id, node().sshHost(), node().port(), node().username(), SshAuth.key(privateKey));
    }

    @Override
    protected SshTarget passwordTarget(String id, String password) {
        return SshTarget.of(id, node().sshHost(), node().port(), node().username(), SshAuth.password(password));
    }

    @Override
    protected String validPassword() {
        return PASSWORD;
    }

    @Override
    protected HostKeyPin hostKey() {
        return pin(node());
    }

    @Override
    protected HostKeyPin foreignHostKey() {
        return pin(cluster.nodes().get(1));
    }

    @Override
    protected String scratchPath(String name) {
        return "/tmp/" + name;
    }

    @Override
    protected int remoteProcessCount(String pattern) {
        return (int) node().processes().list().stream()
                .filter(process -> process.command().contains(pattern))
                .count();
    }

    private static HostKeyPin pin(SimulatedNode node) {
        String[] line = node.hostKeyLine().split(" ");
        return HostKeyPin.of(line[0], line[1]);
    }
}
