package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.admin;
import static dev.ascendcp.inventory.InventoryFixtures.createCredential;
import static dev.ascendcp.inventory.InventoryFixtures.nodeJson;
import static dev.ascendcp.inventory.InventoryFixtures.operator;
import static dev.ascendcp.inventory.InventoryFixtures.unique;
import static dev.ascendcp.inventory.InventoryFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.ssh.PublicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class HostKeyIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NodeConnections connections;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void pinsTheFirstKeyOfATofuNodeAndRemembersAMismatchForAnAdminToTrust() throws Exception {
        UUID node = node("10.7.1.1", 22, "TOFU");
        String[] first = hostKey("ed25519");
        String[] second = hostKey("ecdsa");

        assertThat(connections.recordFirstSeenHostKey(node, first[0], PublicKeys.fingerprint(first[1]), first[1]))
                .isTrue();
        assertThat(connections.recordFirstSeenHostKey(node, second[0], PublicKeys.fingerprint(second[1]), second[1]))
                .isFalse();
        assertThat(connections.resolve(node).pinnedHostKey().fingerprint()).isEqualTo(PublicKeys.fingerprint(first[1]));

        connections.recordOfferedHostKey(node, second[0], PublicKeys.fingerprint(second[1]), second[1]);
        mvc.perform(get("/api/v1/nodes/" + node).with(viewer()))
                .andExpect(jsonPath("$.hostKey.fingerprint").value(PublicKeys.fingerprint(first[1])))
                .andExpect(jsonPath("$.pendingHostKey.fingerprint").value(PublicKeys.fingerprint(second[1])))
                .andExpect(jsonPath("$.pendingHostKey.seenAt").isString());

        trust(node, PublicKeys.fingerprint(first[1]))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("fingerprint"));
        trust(node, PublicKeys.fingerprint(second[1]))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hostKey.fingerprint").value(PublicKeys.fingerprint(second[1])))
                .andExpect(jsonPath("$.hostKey.algorithm").value("ecdsa-sha2-nistp256"))
                .andExpect(jsonPath("$.pendingHostKey").doesNotExist());
        trust(node, PublicKeys.fingerprint(second[1])).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'node.host-key.trust' and actor = 'alice'",
                        Integer.class))
                .isPositive();
    }

    @Test
    void anAdminTrustsTheOfferedKeyFromTheNodePage() throws Exception {
        UUID node = node("10.7.1.4", 22, "STRICT");
        String[] key = hostKey("ed25519");
        String fingerprint = PublicKeys.fingerprint(key[1]);
        connections.recordOfferedHostKey(node, key[0], fingerprint, key[1]);

        mvc.perform(get("/nodes/" + node).with(admin()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Trust this key")));
        mvc.perform(
                        post("/nodes/" + node + "/host-key/trust")
                                .param("fingerprint", fingerprint)
                                .with(admin())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(connections.resolve(node).pinnedHostKey().fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void neverPinsAStrictNodeOnFirstSight() throws Exception {
        UUID node = node("10.7.1.2", 22, "STRICT");
        String[] key = hostKey("ed25519");

        assertThat(connections.recordFirstSeenHostKey(node, key[0], PublicKeys.fingerprint(key[1]), key[1]))
                .isFalse();
        assertThat(connections.resolve(node).pinnedHostKey()).isNull();
    }

    @Test
    void refusesAFingerprintThatIsNotTheKeys() throws Exception {
        UUID node = node("10.7.1.3", 22, "TOFU");
        String[] key = hostKey("ed25519");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> connections.recordFirstSeenHostKey(node, key[0], "SHA256:forged", key[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pinsKeysFromAKnownHostsFileIncludingHashedAndPortEntries() throws Exception {
        String octet = String.valueOf(10 + (int) (Math.random() * 200));
        UUID plain = node("10.8." + octet + ".1", 22, "STRICT");
        UUID ported = node("10.8." + octet + ".2", 2222, "STRICT");
        UUID hashed = node("10.8." + octet + ".3", 22, "STRICT");
        String[] a = hostKey("ed25519");
        String[] b = hostKey("rsa");
        String[] c = hostKey("ecdsa");
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "10.8." + octet + ".3 " + c[0] + " " + c[1] + "\n");
        run("ssh-keygen", "-H", "-f", file.toString());
        String hashedLine = Files.readString(file)
                .lines()
                .filter(l -> l.startsWith("|1|"))
                .findFirst()
                .orElseThrow();
        String knownHosts = "# comment\n10.8." + octet + ".1 " + a[0] + " " + a[1] + " root@a\n"
                + "[10.8." + octet + ".2]:2222 " + b[0] + " " + b[1] + "\n"
                + hashedLine + "\n"
                + "not a key line\n"
                + "10.99.99.99 " + a[0] + " " + a[1] + "\n";

        mvc.perform(post("/api/v1/nodes/known-hosts")
                        .with(admin())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(knownHosts))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pinned").value(3))
                .andExpect(jsonPath("$.results[0].line").value(2))
                .andExpect(jsonPath("$.results[0].nodes[0].outcome").value("PINNED"))
                .andExpect(jsonPath("$.results[3].status").value("INVALID"))
                .andExpect(jsonPath("$.results[4].status").value("NO_MATCH"));

        assertThat(connections.resolve(plain).pinnedHostKey().fingerprint()).isEqualTo(PublicKeys.fingerprint(a[1]));
        assertThat(connections.resolve(ported).pinnedHostKey().fingerprint()).isEqualTo(PublicKeys.fingerprint(b[1]));
        assertThat(connections.resolve(hashed).pinnedHostKey().fingerprint()).isEqualTo(PublicKeys.fingerprint(c[1]));

        mvc.perform(post("/api/v1/nodes/known-hosts")
                        .with(admin())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("10.8." + octet + ".1 " + c[0] + " " + c[1] + "\n"))
                .andExpect(jsonPath("$.results[0].nodes[0].outcome").value("CONFLICT_DIFFERENT_KEY_PINNED"));
        assertThat(connections.resolve(plain).pinnedHostKey().fingerprint()).isEqualTo(PublicKeys.fingerprint(a[1]));
    }

    @Test
    void letsOnlyAdminsTrustKeysOrImportKnownHosts() throws Exception {
        UUID node = node("10.7.1.9", 22, "TOFU");
        mvc.perform(post("/api/v1/nodes/" + node + "/host-key/trust")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"SHA256:x\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/nodes/known-hosts")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(""))
                .andExpect(status().isUnauthorized());
        for (var who : java.util.List.of(viewer(), operator())) {
            mvc.perform(post("/api/v1/nodes/" + node + "/host-key/trust")
                            .with(who)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"fingerprint\":\"SHA256:x\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/nodes/known-hosts")
                            .with(who)
                            .contentType(MediaType.TEXT_PLAIN)
                            .content(""))
                    .andExpect(status().isForbidden());
        }
    }

    private org.springframework.test.web.servlet.ResultActions trust(UUID node, String fingerprint) throws Exception {
        return mvc.perform(post("/api/v1/nodes/" + node + "/host-key/trust")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fingerprint\":\"" + fingerprint + "\"}"));
    }

    private UUID node(String host, int port, String policy) throws Exception {
        String body = nodeJson(unique("hk"), host, createCredential(mvc))
                .replace("\"sshPort\":22", "\"sshPort\":" + port)
                .replace("}}", "},\"hostKeyPolicy\":\"" + policy + "\"}");
        return UUID.fromString(InventoryFixtures.id(mvc, "/api/v1/nodes", body));
    }

    /** A fresh host public key as {algorithm, base64 blob}. */
    private String[] hostKey(String type) throws Exception {
        Path key = Files.createTempDirectory(dir, type).resolve("host");
        run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString());
        String[] pub = Files.readString(key.resolveSibling("host.pub")).trim().split(" ");
        return new String[] {pub[0], pub[1]};
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
