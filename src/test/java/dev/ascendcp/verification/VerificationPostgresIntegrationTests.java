package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.support.PostgresTestDatabase;
import dev.ascendcp.verification.store.StoredVerification;
import dev.ascendcp.verification.store.VerificationStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The verification migration (V7) on PostgreSQL: Flyway migrates an empty database, then two real verifications of
 * simulated nodes are stored there and read back from the rows (not from the in-memory cache). Skipped without a
 * server (failed on CI).
 */
@SpringBootTest(properties = {"ascendcp.jobs.retry-attempts=2", "ascendcp.jobs.retry-backoff=50ms"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationPostgresIntegrationTests {

    private static final String PASSWORD = "sim-Pa55-postgres";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase database = PostgresTestDatabase.create();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    VerificationStore store;

    @Autowired
    JdbcClient jdbc;

    private SimulatedCluster sim;
    private SimulatedInventory inventory;

    @BeforeAll
    void startSimulator() throws Exception {
        sim = SimulatedCluster.start(ClusterSpec.builder(Files.createTempDirectory("pg-sim"))
                .nodes(2)
                .namePrefix("pg-node-")
                .password(PASSWORD)
                .hccnLatency(Duration.ofMillis(2))
                .build());
        inventory = SimulatedInventory.register(this::postAsAdmin, sim, PASSWORD, "pg-verify");
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    @Test
    void storesAndReadsVerificationsOnPostgres() throws Exception {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'verification_run'"
                                + " AND column_name = 'ping_results'")
                        .query(String.class)
                        .single())
                .isEqualTo("text");

        String first = verify("{\"pingStrategy\":\"FULL_MESH\"}");
        sim.node("pg-node-2").faults().npu(3).linkDown(true);
        String second = verify("{}");

        // read from the rows: find() never uses the cache of the latest
        StoredVerification healthy = store.findByJob(UUID.fromString(first)).orElseThrow();
        assertThat(healthy.verification().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(healthy.strategy()).isEqualTo(PingStrategy.FULL_MESH);
        assertThat(healthy.verification().ping().results()).hasSize(16 * 8).allMatch(r -> r.lossPercent() == 0.0);
        assertThat(healthy.requestedBy()).isEqualTo("alice");
        StoredVerification broken = store.findByJob(UUID.fromString(second)).orElseThrow();
        assertThat(broken.verification().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(broken.failingNpus()).isEqualTo(1);
        assertThat(broken.verification().ping().results())
                .filteredOn(r -> r.lossPercent() > 0)
                .extracting(r -> r.pair().key())
                .hasSize(2)
                .allMatch(key -> key.contains(":3->") && key.endsWith(":3"));
        assertThat(broken.checkedAt()).isAfter(healthy.checkedAt());
        StoredVerification cached =
                store.latest(UUID.fromString(inventory.clusterId)).orElseThrow();
        // what was stored reads back the same (RTTs are kept to the microsecond)
        assertThat(broken.verification().nodes())
                .isEqualTo(cached.verification().nodes());
        assertThat(broken.verification().ping().problems())
                .isEqualTo(cached.verification().ping().problems());
        assertThat(broken.verification().ping().results())
                .extracting(r -> r.pair().key() + " " + r.lossPercent() + " " + r.verdict() + " " + r.problem())
                .isEqualTo(cached.verification().ping().results().stream()
                        .map(r -> r.pair().key() + " " + r.lossPercent() + " " + r.verdict() + " " + r.problem())
                        .toList());
        assertThat(broken.nodeIds()).isEqualTo(cached.nodeIds());
        assertThat(store.history(UUID.fromString(inventory.clusterId), PageRequest.of(0, 10))
                        .getContent())
                .extracting(s -> s.jobId().toString(), s -> s.verdict(), s -> s.failingNpus())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(second, Verdict.FAILED, 1),
                        org.assertj.core.groups.Tuple.tuple(first, Verdict.PASSED, 0));

        // the API reads the same: the diff loads the previous run from its row
        String diff = read("/api/v1/clusters/" + inventory.clusterId + "/verification/diff");
        assertThat(JsonPath.<String>read(diff, "$.previousJobId")).isEqualTo(first);
        assertThat(JsonPath.<List<String>>read(diff, "$.newlyFailing[?(@.kind == 'NPU')].key"))
                .singleElement()
                .asString()
                .endsWith("/npu 3");
        String matrix = read("/api/v1/clusters/" + inventory.clusterId + "/ping-matrix");
        assertThat(JsonPath.<List<Double>>read(matrix, "$.results[?(@.lossPercent > 0)].lossPercent"))
                .containsExactly(100.0, 100.0);
    }

    private String verify(String options) throws Exception {
        String body = mvc.perform(post("/api/v1/clusters/" + inventory.clusterId + "/jobs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phase\":\"VERIFY\",\"options\":" + options + "}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String job = JsonPath.read(body, "$.id");
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!job.equals(
                JsonPath.read(read("/api/v1/clusters/" + inventory.clusterId + "/status"), "$.verification.jobId"))) {
            assertThat(System.nanoTime()).as("verdict of %s stored", job).isLessThan(until);
            Thread.sleep(50);
        }
        return job;
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String postAsAdmin(String path, String json) throws Exception {
        return mvc.perform(post(path)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static RequestPostProcessor admin() {
        return user("alice").roles("ADMIN");
    }
}
