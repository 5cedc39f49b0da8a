package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.admin;
import static dev.ascendcp.inventory.InventoryFixtures.operator;
import static dev.ascendcp.inventory.InventoryFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The inventory pages, in a context of their own so that the first test sees an empty inventory. */
@SpringBootTest(properties = "ascendcp.inventory.import-max-rows=1000")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void anEmptyInventoryExplainsWhereToStart() throws Exception {
        mvc.perform(get("/nodes").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Add a credential, then a node, or import an inventory")))
                .andExpect(content().string(not(containsString("Add a node</a>"))));
        mvc.perform(get("/nodes").with(operator())).andExpect(content().string(containsString("Add a node")));
        mvc.perform(get("/clusters").with(viewer())).andExpect(content().string(containsString("No clusters yet")));
    }

    @Test
    @Order(2)
    void pagesNeedALoginAndChangesNeedAnOperator() throws Exception {
        mvc.perform(get("/nodes").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/nodes").with(viewer()).with(csrf()).param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/nodes").with(operator()).param("name", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/credentials").with(operator())).andExpect(status().isForbidden());
        mvc.perform(get("/credentials/new").with(operator())).andExpect(status().isForbidden());
        mvc.perform(post("/nodes/import").with(viewer()).with(csrf()).param("text", ""))
                .andExpect(status().isForbidden());
    }

    @Test
    @Order(3)
    void createsACredentialWithoutEverEchoingTheSecret() throws Exception {
        mvc.perform(get("/credentials").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No credentials yet")));
        mvc.perform(post("/credentials")
                        .with(admin())
                        .with(csrf())
                        .param("name", "Bad Name")
                        .param("username", "root")
                        .param("kind", "PASSWORD")
                        .param("password", "page-secret-123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")))
                .andExpect(content().string(not(containsString("page-secret-123"))));
        mvc.perform(post("/credentials")
                        .with(admin())
                        .with(csrf())
                        .param("name", "ops-pass")
                        .param("username", "root")
                        .param("kind", "PASSWORD")
                        .param("password", "page-secret-123"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/credentials").with(admin()))
                .andExpect(content().string(containsString("ops-pass")))
                .andExpect(content().string(not(containsString("page-secret-123"))));
    }

    @Test
    @Order(4)
    void createsANodeFromTheFormAndShowsErrorsNextToTheFields() throws Exception {
        String credential = jdbc.queryForObject("select id from credential where name = 'ops-pass'", String.class);
        mvc.perform(post("/nodes")
                        .with(operator())
                        .with(csrf())
                        .param("name", "node-a")
                        .param("host", "$(id)")
                        .param("credentialId", credential)
                        .param("nicName", "eth0")
                        .param("npuCount", "eight"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be a whole number")))
                .andExpect(content().string(containsString("class=\"field-error\"")));
        assertThat(jdbc.queryForObject("select count(*) from node", Integer.class))
                .isZero();

        mvc.perform(post("/nodes")
                        .with(operator())
                        .with(csrf())
                        .param("name", "node-a")
                        .param("host", "10.0.0.11")
                        .param("sshPort", "22")
                        .param("credentialId", credential)
                        .param("nicName", "eth0")
                        .param("npuCount", "8")
                        .param("labels", "rack=r1\nrow=2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/nodes/*"));
        mvc.perform(get("/nodes").with(viewer()))
                .andExpect(content().string(containsString("node-a")))
                .andExpect(content().string(containsString("rack=r1")));
    }

    @Test
    @Order(5)
    void importsFromThePageAndAnswersHtmxWithTheResultsFragmentOnly() throws Exception {
        String csv =
                "name,host,credential,nicName,npuCount\nnode-b,10.0.0.12,ops-pass,eth0,8\nnode-c,$(id),ops-pass,eth0,8\n";
        mvc.perform(multipart("/nodes/import")
                        .file(new MockMultipartFile("file", "nodes.csv", "text/csv", csv.getBytes()))
                        .param("format", "CSV")
                        .header("HX-Request", "true")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(containsString("1 node(s) created, 1 failed")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/nodes/import")
                        .param("format", "CSV")
                        .param("text", csv.replace("node-b", "node-d").replace("10.0.0.12", "10.0.0.14"))
                        .param("dryRun", "true")
                        .with(operator())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dry run: 1 row(s) would be created")))
                .andExpect(content().string(containsString("<html")));
        mvc.perform(get("/nodes/import").with(operator())).andExpect(status().isOk());
    }

    @Test
    @Order(6)
    void createsEditsShowsAndDeletesAClusterFromTheForms() throws Exception {
        String a = jdbc.queryForObject("select id from node where name = 'node-a'", String.class);
        String b = jdbc.queryForObject("select id from node where name = 'node-b'", String.class);
        mvc.perform(get("/clusters/new").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("quay.io/ascend/vllm-ascend:v0.9.1")));
        mvc.perform(post("/clusters")
                        .with(operator())
                        .with(csrf())
                        .param("name", "dsv2")
                        .param("headNodeId", a)
                        .param("workerNodeIds", a)
                        .param("env", "lower=1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        String location = mvc.perform(post("/clusters")
                        .with(operator())
                        .with(csrf())
                        .param("name", "dsv2")
                        .param("headNodeId", a)
                        .param("workerNodeIds", b)
                        .param("serve.model", "Deepseek/DeepSeek-V2-Lite-Chat")
                        .param("env", "HCCL_CONNECT_TIMEOUT=1200"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location + "/config").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("HCCL_CONNECT_TIMEOUT=1200")))
                .andExpect(content().string(containsString("node-b")));
        mvc.perform(get(location + "/edit").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deepseek/DeepSeek-V2-Lite-Chat")));
        mvc.perform(get("/nodes").with(viewer())).andExpect(content().string(containsString("dsv2")));
        mvc.perform(post(location + "/delete").with(operator()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from cluster", Integer.class))
                .isZero();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> pages() {
        String id = "00000000-0000-4000-8000-000000000000";
        Object[][] pages = {
            {"GET", "/nodes", "VIEWER"},
            {"GET", "/nodes/new", "VIEWER"},
            {"GET", "/nodes/" + id, "VIEWER"},
            {"GET", "/nodes/import", "VIEWER"},
            {"GET", "/clusters", "VIEWER"},
            {"GET", "/clusters/new", "VIEWER"},
            {"GET", "/clusters/" + id, "VIEWER"},
            {"GET", "/clusters/" + id + "/edit", "VIEWER"},
            {"POST", "/nodes", "OPERATOR"},
            {"POST", "/nodes/" + id, "OPERATOR"},
            {"POST", "/nodes/" + id + "/delete", "OPERATOR"},
            {"POST", "/nodes/import", "OPERATOR"},
            {"POST", "/clusters", "OPERATOR"},
            {"POST", "/clusters/" + id, "OPERATOR"},
            {"POST", "/clusters/" + id + "/delete", "OPERATOR"},
            {"GET", "/credentials", "ADMIN"},
            {"GET", "/credentials/new", "ADMIN"},
            {"POST", "/credentials", "ADMIN"},
            {"POST", "/credentials/" + id + "/delete", "ADMIN"},
            {"POST", "/nodes/" + id + "/host-key/trust?fingerprint=SHA256:x", "ADMIN"},
        };
        return java.util.Arrays.stream(pages).map(org.junit.jupiter.params.provider.Arguments::of);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} needs {2}")
    @org.junit.jupiter.params.provider.MethodSource("pages")
    @Order(7)
    void everyPageSendsStrangersToTheLoginAndRefusesRolesTooLow(String method, String path, String role)
            throws Exception {
        mvc.perform(request(method, path).accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        java.util.List<String> roles = java.util.List.of("VIEWER", "OPERATOR", "ADMIN");
        for (String lower : roles.subList(0, roles.indexOf(role))) {
            mvc.perform(request(method, path)
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.user("u")
                                    .roles(lower)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(
                        request(method, path)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("u")
                                        .roles(role)))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isNotIn(401, 403));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(
            String method, String path) {
        return method.equals("GET") ? get(path) : post(path).with(csrf());
    }
}
