package dev.ascendcp.inventory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test data for the inventory: keys made by ssh-keygen, and requests that create credentials, nodes and clusters. */
final class InventoryFixtures {

    static final String PASSWORD = "s3cr3t-Pa55word-never-shown";
    static final String PASSPHRASE = "pass-Phrase-never-shown";

    private static String plainKey;
    private static String encryptedKey;

    private InventoryFixtures() {}

    static RequestPostProcessor admin() {
        return user("alice").roles("ADMIN");
    }

    static RequestPostProcessor operator() {
        return user("oscar").roles("OPERATOR");
    }

    static RequestPostProcessor viewer() {
        return user("vera").roles("VIEWER");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static synchronized String plainKey() {
        if (plainKey == null) {
            plainKey = keygen("ed25519", "");
        }
        return plainKey;
    }

    static synchronized String encryptedKey() {
        if (encryptedKey == null) {
            encryptedKey = keygen("ecdsa", PASSPHRASE);
        }
        return encryptedKey;
    }

    static String keygen(String type, String passphrase) {
        try {
            Path dir = Files.createTempDirectory("inventory-keys");
            Path key = dir.resolve("key");
            Process process = new ProcessBuilder(
                            "ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "test", "-f", key.toString())
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ssh-keygen failed");
            }
            String text = Files.readString(key, StandardCharsets.US_ASCII);
            Files.delete(key);
            Files.delete(dir.resolve("key.pub"));
            Files.delete(dir);
            return text;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String passwordCredentialJson(String name) {
        return "{\"name\":" + json(name) + ",\"username\":\"npuops\",\"kind\":\"PASSWORD\",\"password\":"
                + json(PASSWORD) + "}";
    }

    static String nodeJson(String name, String host, String credentialId) {
        return "{\"name\":" + json(name) + ",\"host\":" + json(host) + ",\"sshPort\":22,\"credentialId\":\""
                + credentialId + "\",\"sudo\":false,\"nicName\":\"enp189s0f0\",\"npuCount\":8,"
                + "\"labels\":{\"rack\":\"r1\"}}";
    }

    static String createCredential(MockMvc mvc) throws Exception {
        return id(mvc, "/api/v1/credentials", passwordCredentialJson(unique("cred")));
    }

    static String createNode(MockMvc mvc, String credentialId) throws Exception {
        return id(mvc, "/api/v1/nodes", nodeJson(unique("node"), "10.0.0.11", credentialId));
    }

    static String createCluster(MockMvc mvc, String headId, String... workers) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String worker : workers) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(worker).append('"');
        }
        return id(
                mvc,
                "/api/v1/clusters",
                "{\"name\":" + json(unique("cluster")) + ",\"headNodeId\":\"" + headId + "\",\"workerNodeIds\":[" + list
                        + "]}");
    }

    static String id(MockMvc mvc, String path, String body) throws Exception {
        String response = mvc.perform(post(path)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
