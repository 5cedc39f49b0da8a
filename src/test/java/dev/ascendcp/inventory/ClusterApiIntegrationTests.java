package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.createCluster;
import static dev.ascendcp.inventory.InventoryFixtures.createCredential;
import static dev.ascendcp.inventory.InventoryFixtures.createNode;
import static dev.ascendcp.inventory.InventoryFixtures.operator;
import static dev.ascendcp.inventory.InventoryFixtures.unique;
import static dev.ascendcp.inventory.InventoryFixtures.viewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ClusterApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void fillsInTheGuideDefaultsForOmittedSections() throws Exception {
        String credential = createCredential(mvc);
        String head = createNode(mvc, credential);
        String worker = createNode(mvc, credential);

        String id = createCluster(mvc, head, worker);

        mvc.perform(get("/api/v1/clusters/" + id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headNodeId").value(head))
                .andExpect(jsonPath("$.workerNodeIds", contains(worker)))
                .andExpect(jsonPath("$.container.image").value("quay.io/ascend/vllm-ascend:v0.9.1"))
                .andExpect(jsonPath("$.container.name").value("vllm-ascend"))
                .andExpect(jsonPath("$.container.shmSize").value("10g"))
                .andExpect(jsonPath("$.ray.port").value(6379))
                .andExpect(jsonPath("$.ray.dashboardPort").value(8265))
                .andExpect(jsonPath("$.serve.port").value(8000))
                .andExpect(jsonPath("$.serve.tensorParallelSize").value(8))
                .andExpect(jsonPath("$.serve.pipelineParallelSize").value(2));
        mvc.perform(get("/api/v1/nodes/" + worker).with(viewer()))
                .andExpect(jsonPath("$.clusterId").value(id));
        mvc.perform(get("/api/v1/clusters").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem(id)));
    }

    @Test
    void storesTheFullContractShapeAndSwapsHeadAndWorkerOnUpdate() throws Exception {
        String credential = createCredential(mvc);
        String a = createNode(mvc, credential);
        String b = createNode(mvc, credential);
        String name = unique("dsv2");
        String body = full(name, a, b);
        String id = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(post("/api/v1/clusters")
                                .with(operator())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.serve.model").value("Deepseek/DeepSeek-V2-Lite-Chat"))
                        .andExpect(jsonPath("$.serve.extraArgs", contains("--max-model-len=8192")))
                        .andExpect(jsonPath("$.container.mounts", contains("/root/.cache:/root/.cache")))
                        .andExpect(jsonPath("$.env.HCCL_CONNECT_TIMEOUT").value("1200"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        mvc.perform(put("/api/v1/clusters/" + id)
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(full(name, b, a)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headNodeId").value(b))
                .andExpect(jsonPath("$.workerNodeIds", contains(a)));

        mvc.perform(delete("/api/v1/clusters/" + id).with(operator())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/nodes/" + a).with(viewer()))
                .andExpect(jsonPath("$.clusterId").doesNotExist());
        mvc.perform(delete("/api/v1/nodes/" + a).with(operator())).andExpect(status().isNoContent());
    }

    @Autowired
    Inventory inventory;

    @Test
    void theInventoryFacadeListsTheHeadFirst() throws Exception {
        String credential = createCredential(mvc);
        String head = createNode(mvc, credential);
        String worker = createNode(mvc, credential);
        java.util.UUID id = java.util.UUID.fromString(createCluster(mvc, head, worker));

        org.assertj.core.api.Assertions.assertThat(inventory.nodesOf(id))
                .extracting(n -> n.id().toString())
                .containsExactly(head, worker);
        org.assertj.core.api.Assertions.assertThat(inventory.findCluster(id)).isPresent();
        org.assertj.core.api.Assertions.assertThat(inventory.findNode(java.util.UUID.fromString(worker)))
                .get()
                .satisfies(n -> org.assertj.core.api.Assertions.assertThat(n.clusterId())
                        .isEqualTo(id));
    }

    @Test
    void documentsTheInventoryEndpointsInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.paths['/api/v1/clusters/{id}'].put.summary").isString())
                .andExpect(jsonPath("$.paths['/api/v1/nodes/import'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/nodes/known-hosts'].post").exists())
                .andExpect(jsonPath("$.components.schemas.ContainerRequest").exists())
                .andExpect(jsonPath("$.components.schemas.Container.properties.image")
                        .exists());
    }

    @Test
    void refusesAHeadThatIsAlsoAWorkerWith422() throws Exception {
        String head = createNode(mvc, createCredential(mvc));
        mvc.perform(post("/api/v1/clusters")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"c-x\",\"headNodeId\":\"" + head + "\",\"workerNodeIds\":[\"" + head
                                + "\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("workerNodeIds[0]"));
    }

    @Test
    void refusesANodeThatIsAlreadyInAnotherCluster() throws Exception {
        String credential = createCredential(mvc);
        String shared = createNode(mvc, credential);
        createCluster(mvc, shared);
        String head = createNode(mvc, credential);
        mvc.perform(post("/api/v1/clusters")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + unique("c") + "\",\"headNodeId\":\"" + head
                                + "\",\"workerNodeIds\":[\"" + shared + "\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("workerNodeIds[0]"));
    }

    @Test
    void refusesUnknownNodesAndClashingPortsWith422() throws Exception {
        String head = createNode(mvc, createCredential(mvc));
        mvc.perform(post("/api/v1/clusters")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"c-y\",\"headNodeId\":\"" + head
                                + "\",\"workerNodeIds\":[\"00000000-0000-4000-8000-000000000001\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("workerNodeIds[0]"));
        mvc.perform(post("/api/v1/clusters")
                        .with(operator())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"c-y\",\"headNodeId\":\"" + head + "\",\"ray\":{\"port\":8000}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("serve.port"));
    }

    @Test
    void protectsEveryClusterEndpoint() throws Exception {
        String id = createCluster(mvc, createNode(mvc, createCredential(mvc)));
        mvc.perform(get("/api/v1/clusters")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/clusters/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/clusters")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/clusters/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/clusters/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/clusters")
                        .with(viewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/clusters/" + id)
                        .with(viewer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/clusters/" + id).with(viewer())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/clusters/" + id).with(viewer())).andExpect(status().isOk());
    }

    static String full(String name, String head, String worker) {
        return "{\"name\":\"" + name + "\",\"headNodeId\":\"" + head + "\",\"workerNodeIds\":[\"" + worker + "\"],"
                + "\"container\":{\"image\":\"quay.io/ascend/vllm-ascend:v0.9.1\",\"name\":\"vllm-ascend\","
                + "\"shmSize\":\"10g\",\"mounts\":[\"/root/.cache:/root/.cache\"]},"
                + "\"ray\":{\"port\":6379,\"dashboardPort\":8265},"
                + "\"serve\":{\"model\":\"Deepseek/DeepSeek-V2-Lite-Chat\",\"servedModelName\":null,\"port\":8000,"
                + "\"tensorParallelSize\":8,\"pipelineParallelSize\":2,\"enforceEager\":true,\"trustRemoteCode\":true,"
                + "\"extraArgs\":[\"--max-model-len=8192\"]},"
                + "\"env\":{\"HCCL_CONNECT_TIMEOUT\":\"1200\"}}";
    }
}
