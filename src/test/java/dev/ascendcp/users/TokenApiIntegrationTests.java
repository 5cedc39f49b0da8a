package dev.ascendcp.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.support.Roles;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class TokenApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    EntityManager entityManager;

    private JsonNode createToken(String name) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\"}")
                        .with(Roles.admin()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn();
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    @Test
    void createsATokenShownOnceAndStoresOnlyItsHash() throws Exception {
        JsonNode created = createToken("ci-" + UUID.randomUUID());
        String token = created.get("token").asString();
        assertThat(token).startsWith("acp_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(created.get("id").asString()).isNotBlank();
        assertThat(created.get("createdAt").asString()).isNotBlank();

        Object stored = entityManager
                .createNativeQuery("SELECT token_hash FROM api_token WHERE id = ?1")
                .setParameter(1, UUID.fromString(created.get("id").asString()))
                .getSingleResult();
        assertThat(stored.toString()).isEqualTo(TokenService.hash(token)).doesNotContain(token);

        mvc.perform(get("/api/v1/tokens").with(Roles.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].name").exists())
                .andExpect(jsonPath("$.content[*].token").doesNotExist())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
    }

    @Test
    void aBearerTokenActsAsItsCreatorAndRecordsItsUse() throws Exception {
        JsonNode created = createToken("use-" + UUID.randomUUID());
        String token = created.get("token").asString();

        MvcResult result = mvc.perform(get("/api/v1/users").with(bearer(token)))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();

        mvc.perform(get("/api/v1/tokens").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.content[?(@.name == '" + created.get("name").asString() + "')].lastUsedAt")
                                .isNotEmpty());
    }

    @Test
    void aTokenHasItsOwnersRoleOnly() throws Exception {
        String viewer = "tokviewer" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new UserRequest(viewer, "correct-horse-battery", Role.VIEWER));
        String token = tokens.create(viewer, new TokenRequest("read-only")).token();

        mvc.perform(get("/api/v1/users").with(bearer(token))).andExpect(status().isForbidden());
        // a read that VIEWER may do: authenticated, so the unknown path is a 404, not a 401/403
        mvc.perform(get("/api/v1/no-such-resource").with(bearer(token))).andExpect(status().isNotFound());
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        JsonNode created = createToken("revoke-" + UUID.randomUUID());
        String token = created.get("token").asString();
        mvc.perform(get("/api/v1/users").with(bearer(token))).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/tokens/" + created.get("id").asString()).with(Roles.admin()))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/users").with(bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(delete("/api/v1/tokens/" + created.get("id").asString()).with(Roles.admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownTokenIsA401EvenOnAPathAnyoneMayRead() throws Exception {
        mvc.perform(get("/api/v1/no-such-resource").with(bearer("acp_not-a-real-token")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer ")));
        mvc.perform(get("/api/v1/users").with(bearer("garbage"))).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesADuplicateNameAndABlankName() throws Exception {
        String name = "dup-" + UUID.randomUUID();
        createToken(name);
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\"}")
                        .with(Roles.admin()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \"}")
                        .with(Roles.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void requiresLoginAndTheAdminRole() throws Exception {
        MockHttpServletRequestBuilder[] requests = {
            post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"),
            get("/api/v1/tokens"),
            delete("/api/v1/tokens/" + UUID.randomUUID())
        };
        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request).andExpect(status().isUnauthorized());
            for (RequestPostProcessor role : Roles.belowAdmin()) {
                mvc.perform(request.with(role)).andExpect(status().isForbidden());
            }
        }
    }
}
