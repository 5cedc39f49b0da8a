package dev.ascendcp.verification.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.verification.ClusterVerification;
import dev.ascendcp.verification.LinkState;
import dev.ascendcp.verification.NodeVerdict;
import dev.ascendcp.verification.NpuVerdict;
import dev.ascendcp.verification.Outcome;
import dev.ascendcp.verification.PingPair;
import dev.ascendcp.verification.PingPairResult;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.PingStrategy;
import dev.ascendcp.verification.Verdict;
import dev.ascendcp.verification.store.StoredVerification;
import dev.ascendcp.verification.store.VerificationStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Server time of the dashboard endpoints of a 64-node × 8-NPU cluster with a stored SAME_INDEX verification (32 256
 * pairs), over real HTTP on loopback with an API token, and of the parts of {@code GET …/ping-matrix}; no simulated
 * nodes needed (the verification is made up, the inventory is real). Not run by the normal test command.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ascendcp.security.admin-password=" + DashboardEndpointsBenchmark.ADMIN_PASSWORD)
@AutoConfigureMockMvc
class DashboardEndpointsBenchmark {

    static final String ADMIN_PASSWORD = "Bench-Admin-Pa55word";
    private static final int NODES = 64;
    private static final int NPUS = 8;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    MockMvc mvc;

    @Autowired
    VerificationStore store;

    @Autowired
    Inventory inventory;

    @Autowired
    PingMatrixService matrix;

    @Test
    void benchmark() throws Exception {
        String credential = JsonPath.read(
                postJson(
                        "/api/v1/credentials",
                        "{\"name\":\"bench\",\"username\":\"root\",\"kind\":\"PASSWORD\","
                                + "\"password\":\"bench-Pa55\"}"),
                "$.id");
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (int k = 0; k < NODES; k++) {
            String name = "bench-node-" + k;
            String body = "{\"name\":\"" + name + "\",\"host\":\"10.9." + (k / 200) + "." + (k % 200 + 1)
                    + "\",\"sshPort\":22,\"credentialId\":\"" + credential + "\",\"sudo\":false,\"localIp\":\"10.9."
                    + (k / 200) + "." + (k % 200 + 1) + "\",\"nicName\":\"eth0\",\"npuCount\":" + NPUS + "}";
            ids.put(name, UUID.fromString(JsonPath.read(postJson("/api/v1/nodes", body), "$.id")));
        }
        List<UUID> order = new ArrayList<>(ids.values());
        StringBuilder workers = new StringBuilder();
        order.subList(1, NODES)
                .forEach(id -> workers.append(workers.isEmpty() ? "" : ",")
                        .append('"')
                        .append(id)
                        .append('"'));
        UUID cluster = UUID.fromString(JsonPath.read(
                postJson(
                        "/api/v1/clusters",
                        "{\"name\":\"bench-64\",\"headNodeId\":\"" + order.get(0) + "\",\"workerNodeIds\":[" + workers
                                + "]}"),
                "$.id"));
        store.save(verification(cluster, ids));

        String token = token();
        http("/api/v1/clusters/" + cluster + "/status", token); // warm-up of the HTTP path
        for (int i = 0; i < 3; i++) {
            long saving = System.nanoTime();
            store.save(verification(cluster, ids)); // a new verification: its matrix is serialised after the commit
            System.out.printf(
                    Locale.ROOT,
                    "BENCHMARK dashboard nodes=64 store.save incl. matrix serialisation=%.1fms%n",
                    (System.nanoTime() - saving) / 1e6);
            long t = System.nanoTime();
            http("/api/v1/clusters/" + cluster + "/ping-matrix", token);
            System.out.printf(
                    Locale.ROOT,
                    "BENCHMARK dashboard nodes=64 GET /ping-matrix first after a new verification=%.1fms%n",
                    (System.nanoTime() - t) / 1e6);
        }
        time("GET /status", () -> http("/api/v1/clusters/" + cluster + "/status", token));
        time("GET /ping-matrix", () -> http("/api/v1/clusters/" + cluster + "/ping-matrix", token));
        time("  of which inventory.nodesOf", () -> inventory.nodesOf(cluster));
        time("  of which store.latest", () -> store.latest(cluster));
        time("  of which PingMatrixService.json (cached bytes)", () -> matrix.json(cluster));
        // MockMvc copies a response body byte by byte (its servlet stream has no bulk write): not server time
        time("GET /ping-matrix through MockMvc", () -> read("/api/v1/clusters/" + cluster + "/ping-matrix"));
        time("GET /clusters/{id} page through MockMvc", () -> read("/clusters/" + cluster));
    }

    /** An API token of the admin, so that requests skip the password hash that HTTP Basic costs each time. */
    private String token() throws Exception {
        String basic = java.util.Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonPath.read(created.body(), "$.token");
    }

    /** A GET over real HTTP (the embedded server, loopback), the body read completely. */
    private int http(String path, String token) throws Exception {
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode());
        }
        return response.body().length;
    }

    private static StoredVerification verification(UUID cluster, Map<String, UUID> ids) {
        List<String> names = new ArrayList<>(ids.keySet());
        List<NodeVerdict> nodes = new ArrayList<>();
        List<PingPairResult> results = new ArrayList<>();
        for (int k = 0; k < NODES; k++) {
            List<NpuVerdict> npus = new ArrayList<>();
            for (int i = 0; i < NPUS; i++) {
                npus.add(new NpuVerdict(
                        i,
                        ip(k, i),
                        "255.255.255.0",
                        LinkState.UP,
                        "Success",
                        "400GE1/1/" + k + ":" + i,
                        "29." + i + ".0.1",
                        "29." + i + ".0.1",
                        Verdict.PASSED,
                        List.of()));
                for (int step = 1; step < NODES; step++) {
                    int j = (k + step) % NODES;
                    results.add(new PingPairResult(
                            new PingPair(names.get(k), i, names.get(j), i, ip(j, i)),
                            Outcome.OK,
                            0.0,
                            0.0567,
                            0,
                            Verdict.PASSED,
                            null));
                }
            }
            nodes.add(new NodeVerdict(names.get(k), true, Verdict.PASSED, npus, List.of()));
        }
        PingReport ping = new PingReport(PingStrategy.SAME_INDEX, results.size(), 0, results, List.of(), List.of());
        return new StoredVerification(
                UUID.randomUUID(),
                UUID.randomUUID(),
                cluster,
                Instant.now(),
                "bench",
                PingStrategy.SAME_INDEX,
                3,
                ids,
                ClusterVerification.of(nodes, ping));
    }

    private static String ip(int node, int npu) {
        return "29." + npu + "." + (node / 250) + "." + (node % 250 + 2);
    }

    private static void time(String what, Callable<?> call) throws Exception {
        call.call();
        long best = Long.MAX_VALUE;
        long total = 0;
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            call.call();
            long took = System.nanoTime() - t;
            best = Math.min(best, took);
            total += took;
        }
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK dashboard nodes=64 %s best=%.1fms mean=%.1fms%n",
                what,
                best / 1e6,
                total / 1e7);
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).with(admin())).andReturn().getResponse().getContentAsString();
    }

    private String postJson(String path, String json) throws Exception {
        return mvc.perform(post(path)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static RequestPostProcessor admin() {
        return user("bench").roles("ADMIN");
    }
}
