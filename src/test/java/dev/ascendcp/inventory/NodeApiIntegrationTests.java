package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.admin;
import static dev.ascendcp.inventory.InventoryFixtures.createCluster;
import static dev.ascendcp.inventory.InventoryFixtures.createCredential;
import static dev.ascendcp.inventory.InventoryFixtures.createNode;
import static dev.ascendcp.inventory.InventoryFixtures.nodeJson;
import static dev.ascendcp.inventory.InventoryFixtures.operator;
import static dev.ascendcp.inventory.InventoryFixtures.unique;
import static dev.ascendcp.inventory.InventoryFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class NodeApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsReadsUpdatesListsAndDeletesANode() throws Exception {
        String credential = createCredential(mvc);
        String name = unique("node");
        String location = mvc.perform(post("/api/v1/nodes")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(nodeJson(name, "10.0.0.11", credential)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.localIp").value("10.0.0.11"))
                .andExpect(jsonPath("$.hostKeyPolicy").value("TOFU"))
                .andExpect(jsonPath("$.hostKey").value(nullValue()))
                .andExpect(jsonPath("$.clusterId").value(nullValue()))
                .andExpect(jsonPath("$.labels.rack").value("r1"))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        mvc.perform(get(location).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.npuCount").value(8));
        mvc.perform(get("/api/v1/nodes?size=500").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].name", hasItem(name)))
                .andExpect(jsonPath("$.page.size").value(500))
                .andExpect(jsonPath("$.page.totalElements").isNumber());

        String changed = "{\"name\":\"" + name + "\",\"host\":\"node-a.example.com\",\"localIp\":\"10.0.0.12\","
                + "\"credentialId\":\"" + credential + "\",\"nicName\":\"eth0\",\"npuCount\":16,\"sudo\":true,"
                + "\"hostKeyPolicy\":\"STRICT\",\"jumpHost\":{\"host\":\"bastion\",\"credentialId\":\"" + credential
                + "\"}}";
        mvc.perform(put(location)
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(changed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.host").value("node-a.example.com"))
                .andExpect(jsonPath("$.sudo").value(true))
                .andExpect(jsonPath("$.jumpHost.port").value(22))
                .andExpect(jsonPath("$.hostKeyPolicy").value("STRICT"));

        mvc.perform(delete(location).with(operator())).andExpect(status().isNoContent());
        mvc.perform(get(location).with(viewer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/node-not-found"));
    }

    @Test
    void requiresLocalIpWhenHostIsAName() throws Exception {
        String credential = createCredential(mvc);
        mvc.perform(post("/api/v1/nodes")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(nodeJson(unique("node"), "node-a.example.com", credential)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("localIp"));
    }

    @Test
    void refusesADuplicateNameWith409NamingTheField() throws Exception {
        String credential = createCredential(mvc);
        String name = unique("node");
        String body = nodeJson(name, "10.0.0.11", credential);
        mvc.perform(post("/api/v1/nodes")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/nodes")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void refusesAnUnknownCredentialWith422() throws Exception {
        mvc.perform(post("/api/v1/nodes")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(nodeJson(unique("node"), "10.0.0.11", "7b0f8c4e-0000-4000-8000-000000000000")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("credentialId"));
    }

    @Test
    void refusesToDeleteANodeThatIsInACluster() throws Exception {
        String node = createNode(mvc, createCredential(mvc));
        createCluster(mvc, node);

        mvc.perform(delete("/api/v1/nodes/" + node).with(operator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("clusterId"));
        mvc.perform(get("/api/v1/nodes/" + node).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clusterId").isString());
    }

    @Test
    void answers400ForUnknownFieldsMalformedJsonAndWrongTypes() throws Exception {
        String credential = createCredential(mvc);
        int before = count();
        String good = nodeJson(unique("node"), "10.0.0.11", credential);
        for (String body : new String[] {
            good.replace("}}", "},\"color\":\"red\"}"),
            good.substring(0, good.length() - 3),
            good.replace("\"npuCount\":8", "\"npuCount\":\"eight\""),
            good.replace("\"npuCount\":8", "\"npuCount\":99999999999999"),
            good.replace("\"sudo\":false", "\"sudo\":[1]"),
            "[]",
            ""
        }) {
            mvc.perform(post("/api/v1/nodes")
                            .with(operator())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/v1/nodes/not-a-uuid").with(viewer())).andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void protectsEveryNodeEndpoint() throws Exception {
        String node = createNode(mvc, createCredential(mvc));
        mvc.perform(get("/api/v1/nodes")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/nodes/" + node)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/nodes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/nodes/" + node)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/nodes/" + node)).andExpect(status().isUnauthorized());

        mvc.perform(post("/api/v1/nodes")
                        .with(viewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/nodes/" + node)
                        .with(viewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/nodes/" + node).with(viewer())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/nodes/" + node).with(admin())).andExpect(status().isOk());
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from node", Integer.class);
    }
}
