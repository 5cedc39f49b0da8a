package dev.ascendcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.support.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the whole API's documentation, every module's endpoints included: each operation has a summary and
 * documents the 401 and 403 problem answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentationIntegrationTests {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    MockMvc mvc;

    JsonNode docs;

    @BeforeEach
    void fetchDocs() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(Roles.viewer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        docs = JsonMapper.builder().build().readTree(json);
    }

    private List<Map.Entry<String, JsonNode>> apiOperations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(
                            Map.entry(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue()));
                }
            }
        }
        return operations;
    }

    @Test
    void everyApiOperationHasASummaryAndDocuments401And403() {
        List<Map.Entry<String, JsonNode>> operations = apiOperations();
        assertThat(operations)
                .extracting(Map.Entry::getKey)
                .contains("POST /api/v1/users", "GET /api/v1/audit", "DELETE /api/v1/tokens/{id}");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : operations) {
            JsonNode summary = operation.getValue().get("summary");
            if (summary == null || summary.asString().isBlank()) {
                problems.add(operation.getKey() + ": no summary");
            }
            JsonNode responses = operation.getValue().get("responses");
            for (String code : List.of("401", "403")) {
                if (responses == null || !responses.has(code)) {
                    problems.add(operation.getKey() + ": no " + code + " response");
                } else if (!responses.get(code).path("content").has("application/problem+json")) {
                    problems.add(operation.getKey() + ": " + code + " is not a problem detail");
                }
            }
        }
        assertThat(problems).as("undocumented operations").isEmpty();
    }

    @Test
    void errorAnswersCarryAnExampleProblem() {
        JsonNode conflict = docs.at("/paths/~1api~1v1~1users/post/responses/409/content/application~1problem+json");
        assertThat(conflict.path("example").path("status").asInt()).isEqualTo(409);
        assertThat(conflict.path("schema").path("$ref").asString()).endsWith("/Problem");
        JsonNode notFound = docs.at("/paths/~1api~1v1~1users~1{username}/delete/responses/404");
        assertThat(notFound.isMissingNode()).isFalse();
    }

    @Test
    void declaresBasicAndBearerAuthenticationForEveryOperation() {
        JsonNode schemes = docs.at("/components/securitySchemes");
        assertThat(schemes.at("/basicAuth/scheme").asString()).isEqualTo("basic");
        assertThat(schemes.at("/bearerAuth/scheme").asString()).isEqualTo("bearer");
        assertThat(docs.get("security").toString()).contains("basicAuth").contains("bearerAuth");
        assertThat(docs.at("/info/title").asString()).isNotBlank();
    }
}
