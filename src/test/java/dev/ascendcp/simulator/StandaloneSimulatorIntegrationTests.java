package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.inventory.NodeSshTargets;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.ssh.FailureReason;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.RemoteExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The standalone simulator (profile {@code simulator}, as docker compose runs it) started in this JVM beside a control
 * plane: it runs only the simulated nodes, listens on the configured address and ports, takes its login from
 * configuration, keeps its host keys across restarts, and the control plane reaches it over SSH exactly as a separate
 * container would, by host name, with its nodes' services bound to the wildcard address.
 */
@SpringBootTest(properties = {"ascendcp.serving.poll-interval=200ms", "ascendcp.serving.health-check-interval=1h"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneSimulatorIntegrationTests {

    private static final String PASSWORD = "standalone-" + Long.toHexString(System.nanoTime());

    @Autowired
    MockMvc mvc;

    @Autowired
    RemoteExecutor executor;

    @Autowired
    NodeSshTargets targets;

    @Autowired
    JobService jobs;

    ConfigurableApplicationContext simulator;
    Path dir;
    int basePort;
    String privateKey;
    String passwordCredential;
    String headId;

    @BeforeAll
    void startStandaloneSimulator() throws Exception {
        dir = Files.createTempDirectory("standalone-sim");
        KeyPair pair = ecKeyPair();
        privateKey = openSshPrivateKey(pair);
        Files.writeString(
                dir.resolve("authorized_keys"),
                "# operators\n" + PublicKeyEntry.toString(pair.getPublic()) + " test@control-plane\n");
        basePort = twoFreePorts();
        simulator = StandaloneSimulator.run(arguments());
        passwordCredential = create(
                "/api/v1/credentials",
                "{\"name\":\"standalone-pass\",\"username\":\"ascend\",\"kind\":\"PASSWORD\",\"password\":\"" + PASSWORD
                        + "\"}");
    }

    @AfterAll
    void stopStandaloneSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The settings docker-compose.yml gives the simulator service, on free ports and a fresh key directory. */
    private String[] arguments() {
        return new String[] {
            "--ascendcp.simulator.base-port=" + basePort,
            "--ascendcp.simulator.bind-address=0.0.0.0",
            "--ascendcp.simulator.host-key-dir=" + dir.resolve("hostkeys"),
            "--ascendcp.simulator.password=" + PASSWORD,
            "--ascendcp.simulator.authorized-keys-file=" + dir.resolve("authorized_keys"),
            "--ascendcp.simulator.hccn-latency=2ms"
        };
    }

    @Test
    @Order(1)
    void runsOnlyTheSimulatedNodesOnTheConfiguredAddressAndPorts() {
        assertThat(simulator.getEnvironment().getActiveProfiles()).contains(StandaloneSimulator.PROFILE);
        assertThat(simulator).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(simulator.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(simulator.getBeanNamesForType(JobService.class)).isEmpty();
        assertThat(simulator.getBeanNamesForType(NodeSshTargets.class)).isEmpty();
        List<SimulatedNode> nodes = cluster().nodes();
        assertThat(nodes).extracting(SimulatedNode::name).containsExactly("sim-node-1", "sim-node-2");
        assertThat(nodes).extracting(SimulatedNode::port).containsExactly(basePort, basePort + 1);
        assertThat(nodes).extracting(SimulatedNode::sshHost).containsOnly("0.0.0.0");
        assertThat(nodes).extracting(SimulatedNode::localIp).containsExactly("127.0.0.1", "127.0.0.2");
    }

    @Test
    @Order(2)
    void logsInWithTheConfiguredPasswordAndPinsTheHostKeyOnFirstUse() throws Exception {
        SimulatedNode head = cluster().nodes().get(0);
        headId = create("/api/v1/nodes", nodeJson("standalone-1", head, passwordCredential));
        assertThat(hostKeyOf(headId)).isNull();

        ExecResult result = executor.execute(targets.target(UUID.fromString(headId)), RemoteCommand.of("hostname"));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.stdout().text().strip()).isEqualTo("sim-node-1");
        assertThat(hostKeyOf(headId)).isEqualTo(head.hostKeyFingerprint());

        String wrong = create(
                "/api/v1/credentials",
                "{\"name\":\"standalone-wrong\",\"username\":\"ascend\",\"kind\":\"PASSWORD\",\"password\":\"nope\"}");
        String other = create(
                "/api/v1/nodes",
                nodeJson("standalone-2-wrong", cluster().nodes().get(1), wrong));
        assertThat(executor.execute(targets.target(UUID.fromString(other)), RemoteCommand.of("hostname"))
                        .failureReason())
                .isEqualTo(FailureReason.AUTH_FAILED);
    }

    @Test
    @Order(3)
    void acceptsTheKeysOfItsAuthorizedKeysFile() throws Exception {
        String keyCredential = create(
                "/api/v1/credentials",
                "{\"name\":\"standalone-key\",\"username\":\"ascend\",\"kind\":\"PRIVATE_KEY\",\"privateKey\":"
                        + tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .writeValueAsString(privateKey)
                        + "}");
        String node = create(
                "/api/v1/nodes", nodeJson("standalone-2-key", cluster().nodes().get(1), keyCredential));

        ExecResult result = executor.execute(targets.target(UUID.fromString(node)), RemoteCommand.of("hostname"));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.stdout().text().strip()).isEqualTo("sim-node-2");
    }

    @Test
    @Order(4)
    void keepsItsHostKeysAcrossRestartsSoThePinStillMatches() throws Exception {
        List<String> before = cluster().nodes().stream()
                .map(SimulatedNode::hostKeyFingerprint)
                .toList();
        simulator.close();
        simulator = StandaloneSimulator.run(arguments());

        assertThat(cluster().nodes())
                .extracting(SimulatedNode::hostKeyFingerprint)
                .isEqualTo(before);
        assertThat(Files.list(dir.resolve("hostkeys")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("sim-node-1.hostkey", "sim-node-2.hostkey");
        ExecResult again = executor.execute(targets.target(UUID.fromString(headId)), RemoteCommand.of("hostname"));
        assertThat(again.succeeded()).as(String.valueOf(again.failure())).isTrue();
    }

    @Test
    @Order(5)
    void deploysAModelOnItsNodesReachedByHostName() throws Exception {
        String worker = create(
                "/api/v1/nodes", nodeJson("standalone-2", cluster().nodes().get(1), passwordCredential));
        int servePort = freePort();
        String clusterId = create(
                "/api/v1/clusters",
                "{\"name\":\"standalone\",\"headNodeId\":\"" + headId + "\",\"workerNodeIds\":[\"" + worker + "\"],"
                        + "\"ray\":{\"port\":" + freePort() + "},"
                        + "\"serve\":{\"model\":\"/data/models/Qwen2.5-7B-Instruct\",\"port\":" + servePort
                        + ",\"tensorParallelSize\":8,\"pipelineParallelSize\":2}}");
        cluster().setVllmStartupDelay(Duration.ofMillis(300));

        JobView job = deploy(clusterId);

        assertThat(job.status()).as(job.error() + " " + job.steps()).isEqualTo(JobStatus.SUCCEEDED);
        String serving = mvc.perform(get("/api/v1/clusters/{id}/serving", clusterId)
                        .with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(serving, "$.state")).isEqualTo("READY");
        // the head's vLLM listens on the wildcard address, so the control plane reaches it by the node's host name
        assertThat((String) JsonPath.read(serving, "$.url")).isEqualTo("http://localhost:" + servePort);
        assertThat(cluster().nodes().get(0).listeners()).contains("127.0.0.1:" + servePort);
    }

    private SimulatedCluster cluster() {
        return simulator.getBean(SimulatedCluster.class);
    }

    private JobView deploy(String clusterId) throws Exception {
        String response = mvc.perform(post("/api/v1/clusters/{id}/jobs", clusterId)
                        .with(user("oscar").roles("OPERATOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"DEPLOY\"}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(response, "$.id"));
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        JobView job = jobs.find(id);
        while (!job.status().isTerminal() && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            job = jobs.find(id);
        }
        return job;
    }

    private String hostKeyOf(String nodeId) throws Exception {
        String node = mvc.perform(
                        get("/api/v1/nodes/{id}", nodeId).with(user("alice").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(node, "$.hostKey") == null ? null : JsonPath.read(node, "$.hostKey.fingerprint");
    }

    private String create(String path, String json) throws Exception {
        String response = mvc.perform(post(path)
                        .with(user("alice").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    /**
     * A node as an operator registers a compose service: by host name, the simulator's port and node IP. Names are
     * this test's own, as the context (and its database) may be shared with other tests.
     */
    private static String nodeJson(String name, SimulatedNode node, String credential) {
        return "{\"name\":\"" + name + "\",\"host\":\"localhost\",\"sshPort\":" + node.port()
                + ",\"credentialId\":\"" + credential + "\",\"localIp\":\"" + node.localIp() + "\",\"nicName\":\""
                + node.nic() + "\",\"npuCount\":" + node.npuCount() + "}";
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static String openSshPrivateKey(KeyPair pair) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", null, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = freePort();
            try (ServerSocket second = new ServerSocket(first + 1)) {
                return first;
            } catch (IOException taken) {
                // try another pair
            }
        }
        throw new IOException("no two consecutive free ports");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
