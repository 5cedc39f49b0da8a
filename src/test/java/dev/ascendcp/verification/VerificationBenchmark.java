package dev.ascendcp.verification;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.inventory.NodeSshTargets;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.RemoteExecutor;
import dev.ascendcp.ssh.SshTarget;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Verification wall time and peak heap on 1, 8, 32 and 64 simulated nodes (30 ms per hccn_tool call, SAME_INDEX
 * pings), against the guide's shell loops run over SSH one node after another, with the time of the collect and the
 * ping stage. The dashboard endpoints are timed by {@code web.DashboardEndpointsBenchmark} (over real HTTP: MockMvc
 * copies large bodies byte by byte). Not run by the normal test command (the name does not end in Tests).
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerificationBenchmark {

    private static final String PASSWORD = "bench-Pa55";

    @Autowired
    MockMvc mvc;

    @Autowired
    RemoteExecutor executor;

    @Autowired
    NodeSshTargets targets;

    /** The cluster sizes measured. */
    int[] sizes() {
        return new int[] {1, 8, 32, 64};
    }

    /** Concurrent hccn_tool calls a simulated node allows before it answers busy (the simulator's default is 4). */
    int nodeHccnLimit() {
        return 4;
    }

    /** Whether to run the guide's loops too (the default variant only). */
    boolean full() {
        return true;
    }

    @Test
    void benchmark() throws Exception {
        for (int nodes : sizes()) {
            Path dir = Files.createTempDirectory("verify-bench");
            try (SimulatedCluster sim = SimulatedCluster.start(ClusterSpec.builder(dir)
                    .nodes(nodes)
                    .password(PASSWORD)
                    .hccnLatency(Duration.ofMillis(30))
                    .maxConcurrentHccn(nodeHccnLimit())
                    .build())) {
                SimulatedInventory inv = SimulatedInventory.register(
                        this::postAsAdmin,
                        sim,
                        PASSWORD,
                        "bench-" + getClass().getSimpleName().toLowerCase(Locale.ROOT) + "-" + nodes);
                verify(inv); // warm-up: connections, host keys pinned
                long[] heap = new long[1];
                long started = System.nanoTime();
                String job = withPeakHeap(heap, () -> verify(inv));
                double seconds = (System.nanoTime() - started) / 1e9;
                String status = read("/api/v1/clusters/" + inv.clusterId + "/status");
                int pings = JsonPath.read(status, "$.verification.ping.pairs");
                int failed = JsonPath.read(status, "$.verification.ping.failed");
                String busy = read("/api/v1/jobs/" + job + "/log");
                double guide = full() ? guideLoops(sim, inv, nodes <= 8) : -1;
                System.out.printf(
                        Locale.ROOT,
                        "BENCHMARK verification variant=%s nodes=%d pings=%d failed=%d wall=%.2fs %s peakHeap=%dMiB"
                                + " busyRetries=%d guideLoops=%s job=%s%n",
                        getClass().getSimpleName(),
                        nodes,
                        pings,
                        failed,
                        seconds,
                        stages(read("/api/v1/jobs/" + job)),
                        heap[0] / (1024 * 1024),
                        busy.lines()
                                .filter(l -> l.contains("hccn_tool was busy"))
                                .count(),
                        guide < 0 ? "n/a" : String.format(Locale.ROOT, "%.2fs", guide),
                        job);
            }
        }
    }

    /** Wall time of the collect stage, of the ping stage, and from the last step's end to the job's end. */
    private static String stages(String job) {
        List<java.util.Map<String, Object>> steps = JsonPath.read(job, "$.steps");
        Instant[] collect = {Instant.MAX, Instant.MIN};
        Instant[] ping = {Instant.MAX, Instant.MIN};
        for (var step : steps) {
            Object from = step.get("startedAt");
            Object to = step.get("finishedAt");
            if (from == null || to == null) {
                continue;
            }
            Instant[] stage = step.get("name").toString().endsWith("collect") ? collect : ping;
            Instant a = Instant.parse(from.toString());
            Instant b = Instant.parse(to.toString());
            stage[0] = a.isBefore(stage[0]) ? a : stage[0];
            stage[1] = b.isAfter(stage[1]) ? b : stage[1];
        }
        Instant finished = Instant.parse(JsonPath.read(job, "$.finishedAt"));
        return String.format(
                Locale.ROOT,
                "collectStage=%.2fs pingStage=%.2fs afterSteps=%.2fs",
                seconds(collect[0], collect[1]),
                seconds(ping[0], ping[1]),
                seconds(ping[1].equals(Instant.MIN) ? collect[1] : ping[1], finished));
    }

    private static double seconds(Instant from, Instant to) {
        return from.isAfter(to) ? 0 : Duration.between(from, to).toNanos() / 1e9;
    }

    /** The guide's loops, as typed by hand: one command per query kind and node, node after node; -1 if skipped. */
    private double guideLoops(SimulatedCluster sim, SimulatedInventory inv, boolean run) {
        if (!run) {
            return -1;
        }
        long started = System.nanoTime();
        List<String> nodeIds = new ArrayList<>(inv.nodeIds.values());
        for (int k = 0; k < nodeIds.size(); k++) {
            SshTarget target = targets.target(UUID.fromString(nodeIds.get(k)));
            for (String q : List.of("-lldp", "-link", "-net_health", "-netdetect", "-gateway", "-ip")) {
                run(target, "for i in 0 1 2 3 4 5 6 7; do hccn_tool -i $i " + q + " -g; done");
            }
            run(target, "cat /etc/hccn.conf");
            StringBuilder pings = new StringBuilder();
            for (int j = 0; j < nodeIds.size(); j++) {
                if (j != k) {
                    for (int i = 0; i < 8; i++) {
                        pings.append("hccn_tool -i ")
                                .append(i)
                                .append(" -ping -g address 29.0.")
                                .append(i)
                                .append('.')
                                .append(j + 5)
                                .append("; ");
                    }
                }
            }
            if (!pings.isEmpty()) {
                run(target, pings.toString());
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private void run(SshTarget target, String line) {
        executor.execute(target, RemoteCommand.of("sh", "-c", line));
    }

    private interface Body {
        String run() throws Exception;
    }

    private static String withPeakHeap(long[] peak, Body body) throws Exception {
        AtomicLong max = new AtomicLong();
        var memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            return body.run();
        } finally {
            sampler.interrupt();
            sampler.join();
            peak[0] = max.get();
        }
    }

    private String verify(SimulatedInventory inv) throws Exception {
        String body = mvc.perform(post("/api/v1/clusters/" + inv.clusterId + "/jobs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"VERIFY\",\"options\":{\"pingStrategy\":\"SAME_INDEX\"}}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String job = JsonPath.read(body, "$.id");
        while (!job.equals(
                JsonPath.read(read("/api/v1/clusters/" + inv.clusterId + "/status"), "$.verification.jobId"))) {
            Thread.sleep(20);
        }
        return job;
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).with(admin())).andReturn().getResponse().getContentAsString();
    }

    private String postAsAdmin(String path, String json) throws Exception {
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
