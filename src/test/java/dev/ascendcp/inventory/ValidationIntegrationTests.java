package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.admin;
import static dev.ascendcp.inventory.InventoryFixtures.createCredential;
import static dev.ascendcp.inventory.InventoryFixtures.createNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Every value rule of the inventory, with hostile strings: 400 naming the field, and nothing stored. */
@SpringBootTest
@AutoConfigureMockMvc
class ValidationIntegrationTests {

    static final String LONG = "a".repeat(10_000);

    /** Strings that must never pass a name, host, path or image rule. */
    static final List<String> HOSTILE = List.of(
            "a;rm -rf /",
            "$(id)",
            "`id`",
            "a\nb",
            "a\u0000b",
            LONG,
            "n\u043ede-a", // Cyrillic о
            "\uff11\uff10", // fullwidth 10
            "a b",
            "../etc",
            "");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    static String credentialId;
    static String nodeId;

    @BeforeEach
    void references() throws Exception {
        if (credentialId == null) {
            credentialId = createCredential(mvc);
            nodeId = createNode(mvc, credentialId);
        }
    }

    static Stream<Arguments> rules() {
        List<Arguments> rules = new ArrayList<>();
        for (String hostile : HOSTILE) {
            for (String field : List.of("name", "host", "localIp", "nicName")) {
                rules.add(Arguments.of("nodes", field, hostile, field));
            }
            rules.add(Arguments.of("nodes", "jumpHost.host", hostile, "jumpHost.host"));
            for (String field : List.of(
                    "name",
                    "container.image",
                    "container.name",
                    "container.shmSize",
                    "serve.model",
                    "serve.servedModelName")) {
                rules.add(Arguments.of("clusters", field, hostile, field));
            }
            rules.add(Arguments.of("clusters", "container.mounts", List.of(hostile), "container.mounts[0]"));
            rules.add(
                    Arguments.of("clusters", "serve.extraArgs", List.of("--x=" + hostile + ";"), "serve.extraArgs[0]"));
            rules.add(Arguments.of("clusters", "env", Map.of(hostile.isEmpty() ? "a" : hostile, "1"), "env"));
            rules.add(Arguments.of("credentials", "name", hostile, "name"));
            rules.add(Arguments.of("credentials", "username", hostile, "username"));
            rules.add(Arguments.of("nodes", "labels", Map.of("rack", hostile + "!"), "labels"));
        }
        // Rule by rule, with values that look almost right.
        Object[][] specific = {
            {"nodes", "name", "Node-A", "name"},
            {"nodes", "name", "-node", "name"},
            {"nodes", "name", "a".repeat(64), "name"},
            {"nodes", "host", "10.0.0.256", "host"},
            {"nodes", "host", "host_name", "host"},
            {"nodes", "host", "a..b", "host"},
            {"nodes", "host", "[::1]", "host"},
            {"nodes", "host", "fe80::1%eth0", "host"},
            {"nodes", "localIp", "node-a.example.com", "localIp"},
            {"nodes", "localIp", "010.0.0.1", "localIp"},
            {"nodes", "localIp", "1.2.3", "localIp"},
            {"nodes", "nicName", "enp189s0f0-too-long", "nicName"},
            {"nodes", "nicName", "-eth0", "nicName"},
            {"nodes", "sshPort", 0, "sshPort"},
            {"nodes", "sshPort", 65536, "sshPort"},
            {"nodes", "npuCount", 0, "npuCount"},
            {"nodes", "npuCount", 17, "npuCount"},
            {"nodes", "jumpHost.port", 70000, "jumpHost.port"},
            {"nodes", "labels", Map.of("bad key", "v"), "labels"},
            {"nodes", "labels", Map.of("k", "x".repeat(129)), "labels"},
            {"clusters", "container.image", "Quay.io/Ascend/VLLM", "container.image"},
            {"clusters", "container.image", "quay.io/ascend/vllm:v1@sha256:abc", "container.image"},
            {"clusters", "container.image", "quay.io//ascend", "container.image"},
            {"clusters", "container.name", "a", "container.name"},
            {"clusters", "container.name", "-vllm", "container.name"},
            {"clusters", "container.shmSize", "10 g", "container.shmSize"},
            {"clusters", "container.shmSize", "10t", "container.shmSize"},
            {"clusters", "container.mounts", List.of("/a/../etc:/etc"), "container.mounts[0]"},
            {"clusters", "container.mounts", List.of("relative:/dst"), "container.mounts[0]"},
            {"clusters", "container.mounts", List.of("/a:/b:rx"), "container.mounts[0]"},
            {"clusters", "ray.port", 0, "ray.port"},
            {"clusters", "ray.dashboardPort", 65536, "ray.dashboardPort"},
            {"clusters", "serve.port", -1, "serve.port"},
            {"clusters", "serve.tensorParallelSize", 0, "serve.tensorParallelSize"},
            {"clusters", "serve.pipelineParallelSize", 0, "serve.pipelineParallelSize"},
            {"clusters", "serve.model", "/models/../etc/passwd", "serve.model"},
            {"clusters", "serve.model", "org/name/extra", "serve.model"},
            {"clusters", "serve.model", "relative/path/", "serve.model"},
            {"clusters", "serve.extraArgs", List.of("-x"), "serve.extraArgs[0]"},
            {"clusters", "serve.extraArgs", List.of("--a b"), "serve.extraArgs[0]"},
            {"clusters", "serve.extraArgs", List.of("--x=$(id)"), "serve.extraArgs[0]"},
            {"clusters", "serve.extraArgs", List.of("--x=a|b"), "serve.extraArgs[0]"},
            {"clusters", "env", Map.of("lower", "1"), "env"},
            {"clusters", "env", Map.of("1ABC", "1"), "env"},
            {"clusters", "env", Map.of("OK", "a\nb"), "env"},
            {"clusters", "env", Map.of("OK", "a\u0000b"), "env"},
            {"clusters", "env", Map.of("OK", "x".repeat(4097)), "env"},
            {"credentials", "password", "x".repeat(1025), "password"},
            {"credentials", "privateKey", "x".repeat(16385), "privateKey"},
        };
        for (Object[] rule : specific) {
            rules.add(Arguments.of(rule));
        }
        return rules.stream();
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("rules")
    void rejectsTheValueWith400NamingTheFieldAndStoresNothing(
            String resource, String path, Object value, String expectedField) throws Exception {
        Map<String, Object> body = valid(resource);
        set(body, path, value);
        int before = count(resource);

        mvc.perform(post("/api/v1/" + resource)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(startsWith(expectedField))));

        assertThat(count(resource)).isEqualTo(before);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"nodes", "clusters", "credentials"})
    void acceptsTheBaseRequestsTheRulesStartFrom(String resource) throws Exception {
        Map<String, Object> body = valid(resource);
        body.put("name", InventoryFixtures.unique("ok"));
        if (resource.equals("clusters")) {
            body.put("headNodeId", createNode(mvc, credentialId));
        }
        mvc.perform(post("/api/v1/" + resource)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
    }

    private Map<String, Object> valid(String resource) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (resource) {
            case "nodes" -> {
                body.put("name", "valid-node");
                body.put("host", "10.0.0.40");
                body.put("credentialId", credentialId);
                body.put("nicName", "eth0");
                body.put("npuCount", 8);
                body.put("jumpHost", new LinkedHashMap<>(Map.of("host", "bastion", "credentialId", credentialId)));
            }
            case "clusters" -> {
                body.put("name", "valid-cluster");
                body.put("headNodeId", nodeId);
                body.put("container", new LinkedHashMap<>());
                body.put("ray", new LinkedHashMap<>());
                body.put("serve", new LinkedHashMap<>());
            }
            default -> {
                body.put("name", "valid-cred");
                body.put("username", "root");
                body.put("kind", "PASSWORD");
                body.put("password", "pw");
            }
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> body, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> target = body;
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        }
        target.put(parts[parts.length - 1], value);
    }

    private int count(String resource) {
        String table = switch (resource) {
            case "nodes" -> "node";
            case "clusters" -> "cluster";
            default -> "credential";
        };
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
