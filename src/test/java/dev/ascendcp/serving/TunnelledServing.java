package dev.ascendcp.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.inventory.NodeSshTargets;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.PhaseKind;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.ssh.LocalForward;
import dev.ascendcp.ssh.PortForwarder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Serving through an SSH local port forward, against two simulated nodes whose services listen on their own IPs
 * (127.0.0.3 and 127.0.0.4) while the inventory reaches them at 127.0.0.1: nothing answers on {@code host:port}, so
 * readiness, the smoke test, the health check, the metrics and the playground can only have gone through the forward.
 * Subclasses choose the access mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TunnelledServing {

    static final String MODEL = "/data/models/Qwen2.5-7B-Instruct";
    static final String PASSWORD = "sim-" + Long.toHexString(System.nanoTime());

    @Autowired
    MockMvc mvc;

    @Autowired
    JobService jobs;

    @Autowired
    ServingStatus serving;

    @Autowired
    EndpointMonitor monitor;

    @Autowired
    PortForwarder forwarder;

    @Autowired
    NodeSshTargets targets;

    SimulatedCluster sim;
    SimulatedNode head;
    String headId;
    String clusterId;
    int port;

    @BeforeAll
    void startSimulatorAndInventory() throws Exception {
        sim = SimulatedCluster.start(ClusterSpec.builder(Files.createTempDirectory("tunnel-keys"))
                .nodes(2)
                .nodeIps(List.of("127.0.0.3", "127.0.0.4"))
                .password(PASSWORD)
                .build());
        sim.setVllmStartupDelay(Duration.ofMillis(300));
        head = sim.nodes().get(0);
        SimulatedNode worker = sim.nodes().get(1);
        sim.nodes().forEach(SimulatedRay::container);
        SimulatedRay.start(head, worker, "");
        port = freePort();
        beforeInventory();
        String credential = create(
                "/api/v1/credentials",
                "{\"name\":\"tunnel\",\"username\":\"" + sim.username() + "\",\"kind\":\"PASSWORD\",\"password\":\""
                        + PASSWORD + "\"}");
        headId = create("/api/v1/nodes", nodeJson(head, credential));
        String workerId = create("/api/v1/nodes", nodeJson(worker, credential));
        clusterId = create(
                "/api/v1/clusters",
                "{\"name\":\"tunnel\",\"headNodeId\":\"" + headId + "\",\"workerNodeIds\":[\"" + workerId
                        + "\"],\"container\":{\"image\":\"quay.io/ascend/vllm-ascend:v0.9.1\",\"name\":\""
                        + SimulatedRay.CONTAINER + "\"},\"serve\":{\"model\":\"" + MODEL
                        + "\",\"servedModelName\":\"qwen\",\"port\":" + port
                        + ",\"tensorParallelSize\":8,\"pipelineParallelSize\":2}}");
    }

    /** Called once the serving port is chosen, before the nodes are registered. */
    void beforeInventory() throws IOException {}

    @AfterAll
    void stopSimulator() {
        SimulatedRay.stop(head, sim.nodes().get(1));
        sim.close();
    }

    @Test
    void servesAnswersHealthChecksAndPromptsThroughTheForward() throws Exception {
        JobView job = runServe();

        assertThat(job.status()).as(job.error() + " " + job.steps()).isEqualTo(JobStatus.SUCCEEDED);
        ServingView view = serving.current(UUID.fromString(clusterId));
        assertThat(view.state()).isEqualTo(ServingState.READY);
        assertThat(view.url()).as("the public URL stays the head's").isEqualTo("http://127.0.0.1:" + port);
        assertThat(view.smoke().completionTokens()).isEqualTo(24);
        assertThat(head.listeners()).contains("127.0.0.3:" + port);
        assertNothingAnswersDirectly();

        monitor.checkAll();
        mvc.perform(get("/api/v1/clusters/{id}/serving", clusterId)
                        .with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("READY"))
                .andExpect(jsonPath("$.metrics.generationTokensTotal").value(24.0));

        MvcResult started = mvc.perform(post("/api/v1/clusters/{id}/playground", clusterId)
                        .with(user("pia").roles("VIEWER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"prompt\":\"Through the tunnel\",\"maxTokens\":4}"))
                .andExpect(request().asyncStarted())
                .andReturn();
        String events = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(events).contains("event: token").contains("event: done").contains("\"completionTokens\":4");
    }

    @Test
    void theSimulatedNodeRefusesForwardsToAnythingButItsOwnListeners() throws Exception {
        int unused = freePort();
        for (String[] to : new String[][] {{"127.0.0.3", String.valueOf(unused)}, {"192.0.2.7", "80"}}) {
            try (LocalForward forward =
                    forwarder.forward(targets.target(UUID.fromString(headId)), to[0], Integer.parseInt(to[1]))) {
                assertThat(roundTrip(forward.localPort()))
                        .as("forward to %s:%s", to[0], to[1])
                        .isEqualTo(-1);
            }
        }
    }

    /** Sends a byte through a forward and waits for an answer: -1 when the far end closes without one. */
    private static int roundTrip(int localPort) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", localPort)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    /** Overridden where something is made to hold the port without answering. */
    void assertNothingAnswersDirectly() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            throw new AssertionError("something answers directly on 127.0.0.1:" + port);
        } catch (ConnectException refused) {
            assertThat(refused.getMessage()).contains("refused");
        }
    }

    JobView runServe() throws Exception {
        JobView job = jobs.start(UUID.fromString(clusterId), PhaseKind.SERVE, Map.of());
        Instant until = Instant.now().plusSeconds(90);
        while (!job.status().isTerminal() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            job = jobs.find(job.id());
        }
        return job;
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

    private static String nodeJson(SimulatedNode node, String credential) {
        return "{\"name\":\"" + node.name() + "\",\"host\":\"127.0.0.1\",\"sshPort\":" + node.port()
                + ",\"credentialId\":\"" + credential + "\",\"localIp\":\"" + node.localIp() + "\",\"nicName\":\""
                + node.nic() + "\",\"npuCount\":8}";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
