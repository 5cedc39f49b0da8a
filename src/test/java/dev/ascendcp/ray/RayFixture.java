package dev.ascendcp.ray;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.Phase;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.apps.DockerEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A simulated cluster registered in the inventory through the REST API, and helpers to run jobs on it. */
final class RayFixture implements AutoCloseable {

    static final String PASSWORD = "sim-Pa55word";

    final SimulatedCluster sim;
    final List<UUID> nodeIds = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final UUID clusterId;
    final int rayPort;
    private final JobService jobs;
    private final MockMvc mvc;
    private final String clusterName;
    private final String body;

    private RayFixture(MockMvc mvc, JobService jobs, Path dir, int nodes, Map<Integer, String> nicOverrides)
            throws Exception {
        this.mvc = mvc;
        this.jobs = jobs;
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 6) + "-";
        sim = SimulatedCluster.start(ClusterSpec.builder(dir)
                .nodes(nodes)
                .namePrefix(prefix)
                .password(PASSWORD)
                .build());
        rayPort = freePort();
        String credential = id(
                "/api/v1/credentials",
                "{\"name\":\"" + prefix + "cred\",\"username\":\"" + sim.username()
                        + "\",\"kind\":\"PASSWORD\",\"password\":\"" + PASSWORD + "\"}");
        for (SimulatedNode n : sim.nodes()) {
            String nic = nicOverrides.getOrDefault(names.size(), n.nic());
            names.add(n.name());
            nodeIds.add(UUID.fromString(id(
                    "/api/v1/nodes",
                    "{\"name\":\"" + n.name() + "\",\"host\":\"127.0.0.1\",\"sshPort\":" + n.port()
                            + ",\"credentialId\":\"" + credential + "\",\"sudo\":true,\"localIp\":\"" + n.localIp()
                            + "\",\"nicName\":\"" + nic + "\",\"npuCount\":"
                            + n.npuCount() + "}")));
        }
        clusterName = prefix + "cluster";
        body = clusterJson(Map.of("HCCL_CONNECT_TIMEOUT", "1200"));
        clusterId = UUID.fromString(id("/api/v1/clusters", body));
    }

    static RayFixture start(MockMvc mvc, JobService jobs, Path dir, int nodes) throws Exception {
        return new RayFixture(mvc, jobs, dir, nodes, Map.of());
    }

    /** A cluster whose node {@code index} is registered with the NIC {@code nic} instead of its real one. */
    static RayFixture withNic(MockMvc mvc, JobService jobs, Path dir, int nodes, int index, String nic)
            throws Exception {
        return new RayFixture(mvc, jobs, dir, nodes, Map.of(index, nic));
    }

    String clusterJson(Map<String, String> env) {
        StringBuilder workers = new StringBuilder();
        for (int i = 1; i < nodeIds.size(); i++) {
            workers.append(i > 1 ? "," : "").append('"').append(nodeIds.get(i)).append('"');
        }
        StringBuilder envJson = new StringBuilder();
        env.forEach((k, v) -> envJson.append(envJson.isEmpty() ? "" : ",")
                .append('"')
                .append(k)
                .append("\":\"")
                .append(v)
                .append('"'));
        return "{\"name\":\"" + clusterName + "\",\"headNodeId\":\"" + nodeIds.get(0) + "\",\"workerNodeIds\":["
                + workers + "],\"container\":{\"image\":\"" + DockerEngine.DEFAULT_IMAGE
                + "\",\"name\":\"vllm-ascend\",\"shmSize\":\"10g\",\"mounts\":[\"/data/models:/data/models\"]},"
                + "\"ray\":{\"port\":" + rayPort + ",\"dashboardPort\":8265},\"env\":{" + envJson + "}}";
    }

    void updateEnv(Map<String, String> env) throws Exception {
        mvc.perform(put("/api/v1/clusters/" + clusterId)
                        .with(user("alice").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(clusterJson(env)))
                .andExpect(status().isOk());
    }

    /** Runs the phase over the whole cluster through the real job engine and waits for its end. */
    JobView run(Phase phase, Map<String, Object> options) throws Exception {
        JobView job = jobs.start(clusterId, phase.kind(), options);
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (!job.status().isTerminal()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("job did not finish: " + job);
            }
            Thread.sleep(100);
            job = jobs.find(job.id());
        }
        return job;
    }

    SimulatedNode node(int i) {
        return sim.nodes().get(i);
    }

    private String id(String path, String json) throws Exception {
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
