package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.admin;
import static dev.ascendcp.inventory.InventoryFixtures.json;
import static dev.ascendcp.inventory.InventoryFixtures.operator;
import static dev.ascendcp.inventory.InventoryFixtures.unique;
import static dev.ascendcp.inventory.InventoryFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.simulator.ClusterSpec;
import dev.ascendcp.simulator.SimulatedCluster;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.ssh.FailureReason;
import dev.ascendcp.ssh.HostKeyPin;
import dev.ascendcp.ssh.OpenSshServerExtension;
import dev.ascendcp.ssh.OpenSshServerExtension.UserKey;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.RemoteExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Jump host keys on the product path: nodes of the inventory, reached through a real OpenSSH bastion, with SSH
 * targets built by {@link NodeSshTargets} and run by the application's {@link RemoteExecutor}. The node behind the
 * bastion is a simulated Ascend node (a MINA SSH server), so a marker file shows whether a command ran there.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JumpHostKeyIntegrationTests {

    @RegisterExtension
    static final OpenSshServerExtension bastion = new OpenSshServerExtension();

    private static final String PASSWORD = "sim-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    static SimulatedCluster simulator;

    @Autowired
    MockMvc mvc;

    @Autowired
    NodeSshTargets targets;

    @Autowired
    RemoteExecutor executor;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSimulator() {
        simulator = SimulatedCluster.start(ClusterSpec.builder(dir.resolve("hostkeys"))
                .nodes(1)
                .password(PASSWORD)
                .build());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void pinsTheBastionOnFirstUseAndRefusesItsChangedKeyBeforeLoginUntilAnAdminTrustsIt() throws Exception {
        String bastionCredential = bastionCredential();
        String nodeCredential = nodeCredential();
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(node("127.0.0.1", bastionCredential, nodeCredential, "TOFU"));
        }

        // Four nodes behind one bastion connect at once, as on a cluster's first job: one pin, all connected.
        List<CompletableFuture<ExecResult>> first = nodes.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> run(id, RemoteCommand.of("echo", "via-bastion"))))
                .toList();
        for (CompletableFuture<ExecResult> result : first) {
            assertThat(result.get().failure()).isNull();
            assertThat(result.get().stdout().head()).isEqualTo("via-bastion\n");
        }
        String endpoint = "jump-host:127.0.0.1:" + bastion.port();
        assertThat(audits("jump-host.host-key.first-seen", endpoint)).isEqualTo(1);
        String node = nodes.get(0);
        String pinned = JsonPath.read(nodeJson(node), "$.jumpHost.hostKey.fingerprint");
        HostKeyPin old = pinOf(pinned);
        for (String other : nodes) {
            getNode(other)
                    .andExpect(jsonPath("$.jumpHost.hostKey.fingerprint").value(pinned))
                    .andExpect(jsonPath("$.jumpHost.hostKey.algorithm").value(old.algorithm()))
                    .andExpect(jsonPath("$.jumpHost.pendingHostKey").doesNotExist());
        }

        bastion.restartWithNewHostKeys();
        HostKeyPin changed = sameAlgorithm(old);
        String marker = "/tmp/jump-marker-" + UUID.randomUUID();
        ExecResult refused = run(node, RemoteCommand.of("touch", marker));

        assertThat(refused.failureReason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
        assertThat(refused.failure().expectedFingerprint()).isEqualTo(old.fingerprint());
        assertThat(refused.failure().offeredFingerprint()).isEqualTo(changed.fingerprint());
        assertThat(refused.failure().message())
                .contains("jump:127.0.0.1:" + bastion.port(), old.fingerprint(), changed.fingerprint());
        assertThat(simulated().fileSystem().exists(marker)).isFalse();
        assertThat(bastion.log()).as("nothing logged in on the bastion").doesNotContain("Accepted ");
        getNode(node)
                .andExpect(jsonPath("$.jumpHost.hostKey.fingerprint").value(old.fingerprint()))
                .andExpect(jsonPath("$.jumpHost.pendingHostKey.fingerprint").value(changed.fingerprint()))
                .andExpect(jsonPath("$.jumpHost.pendingHostKey.seenAt").isString());
        getNode(nodes.get(1))
                .andExpect(jsonPath("$.jumpHost.pendingHostKey.fingerprint").value(changed.fingerprint()));

        mvc.perform(get("/nodes/" + node).with(admin()))
                .andExpect(content().string(containsString(old.fingerprint())))
                .andExpect(content().string(containsString(changed.fingerprint())))
                .andExpect(content().string(containsString("/nodes/" + node + "/jump-host-key/trust")))
                .andExpect(content().string(containsString("data-confirm=\"Pin " + changed.fingerprint())));
        mvc.perform(get("/nodes/" + node).with(operator()))
                .andExpect(content().string(containsString(changed.fingerprint())))
                .andExpect(content().string(not(containsString("Trust the jump host&#39;s key"))))
                .andExpect(content().string(containsString("An ADMIN has to trust the jump host")));
        mvc.perform(post("/nodes/" + node + "/jump-host-key/trust")
                        .with(operator())
                        .with(csrf())
                        .param("fingerprint", changed.fingerprint()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/nodes/" + node + "/jump-host-key/trust")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(trustBody(changed.fingerprint())))
                .andExpect(status().isUnauthorized());
        for (var who : List.of(viewer(), operator())) {
            trust(node, changed.fingerprint(), who).andExpect(status().isForbidden());
        }
        assertThat(run(node, RemoteCommand.of("true")).failureReason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);

        trust(node, old.fingerprint(), admin())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("fingerprint"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(changed.fingerprint())));
        trust(node, changed.fingerprint(), admin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jumpHost.hostKey.fingerprint").value(changed.fingerprint()))
                .andExpect(jsonPath("$.jumpHost.pendingHostKey").doesNotExist());
        trust(node, changed.fingerprint(), admin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/no-pending-host-key")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'jump-host.host-key.trust' and actor = 'alice'"
                                + " and target = ?",
                        Integer.class,
                        endpoint))
                .isEqualTo(1);

        ExecResult trusted = run(node, RemoteCommand.of("touch", marker));
        assertThat(trusted.failure()).isNull();
        assertThat(simulated().fileSystem().exists(marker)).isTrue();
        assertThat(run(nodes.get(3), RemoteCommand.of("true")).failure())
                .as("the trusted pin serves every node behind the bastion")
                .isNull();
    }

    @Test
    void aStrictNodeRefusesAnUnpinnedBastionUntilItsKnownHostsEntryIsImported() throws Exception {
        String node = node("localhost", bastionCredential(), nodeCredential(), "STRICT");
        String marker = "/tmp/strict-marker-" + UUID.randomUUID();

        ExecResult refused = run(node, RemoteCommand.of("touch", marker));

        assertThat(refused.failureReason()).isEqualTo(FailureReason.HOST_KEY_MISMATCH);
        assertThat(refused.failure().message())
                .contains("no pinned key for STRICT target jump:localhost:" + bastion.port());
        assertThat(refused.failure().expectedFingerprint()).isNull();
        assertThat(simulated().fileSystem().exists(marker)).isFalse();
        getNode(node)
                .andExpect(jsonPath("$.jumpHost.hostKey").doesNotExist())
                .andExpect(jsonPath("$.jumpHost.pendingHostKey.fingerprint")
                        .value(refused.failure().offeredFingerprint()))
                .andExpect(jsonPath("$.hostKey").doesNotExist())
                .andExpect(jsonPath("$.pendingHostKey").doesNotExist());

        String knownHosts = "[localhost]:" + bastion.port() + " "
                + bastion.hostKey().algorithm() + " "
                + bastion.hostKey().base64() + "\n"
                + "[127.0.0.1]:" + simulated().port() + " " + simulated().hostKeyLine() + "\n";
        mvc.perform(post("/api/v1/nodes/known-hosts")
                        .with(admin())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(knownHosts))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("MATCHED"))
                .andExpect(jsonPath("$.results[0].jumpHosts[0].host").value("localhost"))
                .andExpect(jsonPath("$.results[0].jumpHosts[0].outcome").value("PINNED"));
        getNode(node)
                .andExpect(jsonPath("$.jumpHost.hostKey.fingerprint")
                        .value(bastion.hostKey().fingerprint()))
                .andExpect(jsonPath("$.jumpHost.pendingHostKey").doesNotExist())
                .andExpect(jsonPath("$.hostKey.fingerprint").value(simulated().hostKeyFingerprint()));

        ExecResult pinned = run(node, RemoteCommand.of("touch", marker));
        assertThat(pinned.failure()).isNull();
        assertThat(simulated().fileSystem().exists(marker)).isTrue();
    }

    @Test
    void refusesToTrustAJumpHostKeyOfANodeWithoutJumpHostOrOfNoNode() throws Exception {
        String direct = InventoryFixtures.createNode(mvc, nodeCredential());

        trust(direct, "SHA256:x", admin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/no-jump-host")));
        trust(UUID.randomUUID().toString(), "SHA256:x", admin()).andExpect(status().isNotFound());
        trust(node("127.0.0.1", bastionCredential(), nodeCredential(), "STRICT"), "SHA256:x", admin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("/no-pending-host-key")));
    }

    private ExecResult run(String nodeId, RemoteCommand command) {
        return executor.execute(targets.target(UUID.fromString(nodeId)), command);
    }

    private static SimulatedNode simulated() {
        return simulator.nodes().get(0);
    }

    /** The bastion key (of the current server) with the fingerprint seen, or a failure when it is not one of them. */
    private static HostKeyPin pinOf(String fingerprint) {
        return List.of(bastion.hostKey(), bastion.ecdsaHostKey()).stream()
                .filter(pin -> pin.fingerprint().equals(fingerprint))
                .findFirst()
                .orElseThrow(() -> new AssertionError(fingerprint + " is none of the bastion's host keys"));
    }

    private static HostKeyPin sameAlgorithm(HostKeyPin old) {
        HostKeyPin now =
                old.algorithm().equals(bastion.hostKey().algorithm()) ? bastion.hostKey() : bastion.ecdsaHostKey();
        assertThat(now.fingerprint()).isNotEqualTo(old.fingerprint());
        return now;
    }

    private String bastionCredential() throws Exception {
        return InventoryFixtures.id(
                mvc,
                "/api/v1/credentials",
                "{\"name\":" + json(unique("bastion")) + ",\"username\":\"" + OpenSshServerExtension.PLAIN_USER
                        + "\",\"kind\":\"PRIVATE_KEY\",\"privateKey\":" + json(bastion.privateKey(UserKey.ED25519))
                        + "}");
    }

    private String nodeCredential() throws Exception {
        return InventoryFixtures.id(
                mvc,
                "/api/v1/credentials",
                "{\"name\":" + json(unique("sim")) + ",\"username\":\"" + simulator.username()
                        + "\",\"kind\":\"PASSWORD\",\"password\":" + json(PASSWORD) + "}");
    }

    private String node(String jumpHost, String jumpCredential, String credential, String policy) throws Exception {
        return InventoryFixtures.id(
                mvc,
                "/api/v1/nodes",
                "{\"name\":" + json(unique("behind")) + ",\"host\":\"127.0.0.1\",\"sshPort\":"
                        + simulated().port()
                        + ",\"credentialId\":\"" + credential + "\",\"nicName\":\"enp189s0f0\",\"npuCount\":8,"
                        + "\"jumpHost\":{\"host\":\"" + jumpHost + "\",\"port\":" + bastion.port()
                        + ",\"credentialId\":\"" + jumpCredential + "\"},\"hostKeyPolicy\":\"" + policy + "\"}");
    }

    private ResultActions getNode(String id) throws Exception {
        return mvc.perform(get("/api/v1/nodes/" + id).with(viewer())).andExpect(status().isOk());
    }

    private String nodeJson(String id) throws Exception {
        return getNode(id).andReturn().getResponse().getContentAsString();
    }

    private ResultActions trust(
            String node, String fingerprint, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return mvc.perform(post("/api/v1/nodes/" + node + "/jump-host-key/trust")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(trustBody(fingerprint)));
    }

    private static String trustBody(String fingerprint) {
        return "{\"fingerprint\":" + json(fingerprint) + "}";
    }

    private int audits(String action, String target) {
        Integer count = jdbc.queryForObject(
                "select count(*) from audit_entry where action = ? and target = ?", Integer.class, action, target);
        return count == null ? 0 : count;
    }
}
