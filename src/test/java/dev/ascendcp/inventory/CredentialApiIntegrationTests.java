package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.PASSPHRASE;
import static dev.ascendcp.inventory.InventoryFixtures.PASSWORD;
import static dev.ascendcp.inventory.InventoryFixtures.admin;
import static dev.ascendcp.inventory.InventoryFixtures.createCredential;
import static dev.ascendcp.inventory.InventoryFixtures.json;
import static dev.ascendcp.inventory.InventoryFixtures.nodeJson;
import static dev.ascendcp.inventory.InventoryFixtures.operator;
import static dev.ascendcp.inventory.InventoryFixtures.unique;
import static dev.ascendcp.inventory.InventoryFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ascendcp.ssh.PrivateKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class CredentialApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NodeConnections connections;

    /** Every response body of this test, to search for secrets. */
    private final List<String> bodies = new ArrayList<>();

    @Test
    void createsAKeyCredentialWithTheKeysFingerprintAndNeverShowsTheSecret(CapturedOutput output) throws Exception {
        String key = InventoryFixtures.encryptedKey();
        String fingerprint = PrivateKeys.inspect(key, PASSPHRASE.toCharArray()).fingerprint();
        String body = "{\"name\":" + json(unique("key")) + ",\"username\":\"root\",\"kind\":\"PRIVATE_KEY\","
                + "\"privateKey\":" + json(key) + ",\"passphrase\":" + json(PASSPHRASE) + "}";

        String id = JsonPath.read(
                record(mvc.perform(post("/api/v1/credentials")
                                .with(admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.kind").value("PRIVATE_KEY"))
                        .andExpect(jsonPath("$.publicKeyFingerprint").value(fingerprint))
                        .andExpect(jsonPath("$.privateKey").doesNotExist())
                        .andExpect(jsonPath("$.passphrase").doesNotExist())),
                "$.id");
        record(mvc.perform(get("/api/v1/credentials/" + id).with(viewer())).andExpect(status().isOk()));
        record(mvc.perform(get("/api/v1/credentials?size=1000").with(viewer())).andExpect(status().isOk()));

        String node = InventoryFixtures.id(mvc, "/api/v1/nodes", nodeJson(unique("node"), "10.0.0.22", id));
        ConnectionDetails details = connections.resolve(UUID.fromString(node));
        assertThat(details.secret().privateKey()).isEqualTo(key);
        assertThat(details.secret().passphrase()).containsExactly(PASSPHRASE.toCharArray());
        assertThat(details.toString()).doesNotContain(PASSPHRASE).doesNotContain("PRIVATE KEY");

        String keyBody =
                key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(bodies)
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b).doesNotContain(keyBody).doesNotContain(PASSPHRASE));
        String stored = jdbc.queryForObject(
                "select secret || '|' || passphrase from credential where id = ?", String.class, UUID.fromString(id));
        assertThat(stored)
                .startsWith("v1:")
                .doesNotContain(keyBody)
                .doesNotContain("PRIVATE KEY")
                .doesNotContain(PASSPHRASE);
        assertThat(auditDetails()).doesNotContain(keyBody).doesNotContain(PASSPHRASE);
        assertThat(output.getAll()).doesNotContain(keyBody).doesNotContain(PASSPHRASE);
    }

    @Test
    void storesAPasswordEncryptedAndDecryptsItOnlyForTheSshSide(CapturedOutput output) throws Exception {
        String body = InventoryFixtures.passwordCredentialJson(unique("pass"));
        String id = JsonPath.read(
                record(mvc.perform(post("/api/v1/credentials")
                                .with(admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.publicKeyFingerprint").doesNotExist())),
                "$.id");
        String node = InventoryFixtures.id(mvc, "/api/v1/nodes", nodeJson(unique("node"), "10.0.0.21", id));

        ConnectionDetails details = connections.resolve(UUID.fromString(node));

        assertThat(details.secret().password()).containsExactly(PASSWORD.toCharArray());
        assertThat(details.username()).isEqualTo("npuops");
        assertThat(details.toString()).doesNotContain(PASSWORD).contains("***");
        assertThat(jdbc.queryForList("select secret from credential", String.class))
                .allSatisfy(secret -> assertThat(secret).doesNotContain(PASSWORD));
        assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain(PASSWORD));
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void refusesUnreadableKeysAndWrongPassphrasesNamingTheField(CapturedOutput output) throws Exception {
        int before = count();
        String name = unique("bad");
        expectField(
                keyBody(
                        name,
                        "-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5\n-----END OPENSSH PRIVATE KEY-----",
                        null),
                "privateKey");
        expectField(keyBody(name, "just text", null), "privateKey");
        expectField(keyBody(name, InventoryFixtures.encryptedKey(), null), "passphrase");
        expectField(keyBody(name, InventoryFixtures.encryptedKey(), "wrong-" + PASSPHRASE), "passphrase");
        assertThat(count()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain(PASSPHRASE).doesNotContain("bm90IGEga2V5");
    }

    @Test
    void refusesSecretsThatDoNotFitTheKindWith422() throws Exception {
        mvc.perform(post("/api/v1/credentials")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x1\",\"username\":\"root\",\"kind\":\"PASSWORD\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/v1/credentials")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x1\",\"username\":\"root\",\"kind\":\"PRIVATE_KEY\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("privateKey"));
    }

    @Test
    void refusesToDeleteACredentialANodeOrAJumpHostUses() throws Exception {
        String direct = createCredential(mvc);
        String jump = createCredential(mvc);
        String body = nodeJson(unique("node"), "10.0.0.31", direct)
                .replace("}}", "},\"jumpHost\":{\"host\":\"10.0.0.1\",\"credentialId\":\"" + jump + "\"}}");
        String node = InventoryFixtures.id(mvc, "/api/v1/nodes", body);

        for (String id : List.of(direct, jump)) {
            mvc.perform(delete("/api/v1/credentials/" + id).with(admin()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/credential-in-use"));
        }
        mvc.perform(delete("/api/v1/nodes/" + node).with(operator())).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/credentials/" + jump).with(admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/credentials/" + jump).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void refusesADuplicateName() throws Exception {
        String body = InventoryFixtures.passwordCredentialJson(unique("dup"));
        mvc.perform(post("/api/v1/credentials")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/credentials")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void letsOnlyAdminsCreateAndDeleteAndEveryoneLoggedInRead() throws Exception {
        String id = createCredential(mvc);
        String body = InventoryFixtures.passwordCredentialJson(unique("c"));
        mvc.perform(get("/api/v1/credentials")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/credentials/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/credentials")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/credentials/" + id)).andExpect(status().isUnauthorized());
        for (var who : List.of(viewer(), operator())) {
            mvc.perform(post("/api/v1/credentials")
                            .with(who)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isForbidden());
            mvc.perform(delete("/api/v1/credentials/" + id).with(who)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/credentials/" + id).with(viewer())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/credentials").with(viewer())).andExpect(status().isOk());
    }

    private void expectField(String body, String field) throws Exception {
        record(mvc.perform(post("/api/v1/credentials")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field)));
    }

    private static String keyBody(String name, String key, String passphrase) {
        return "{\"name\":" + json(name) + ",\"username\":\"root\",\"kind\":\"PRIVATE_KEY\",\"privateKey\":" + json(key)
                + (passphrase == null ? "" : ",\"passphrase\":" + json(passphrase)) + "}";
    }

    private String record(ResultActions result) throws Exception {
        String body = result.andReturn().getResponse().getContentAsString();
        bodies.add(body);
        return body;
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from credential", Integer.class);
    }

    private String auditDetails() {
        return String.join("\n", jdbc.queryForList("select coalesce(detail, '') from audit_entry", String.class));
    }
}
