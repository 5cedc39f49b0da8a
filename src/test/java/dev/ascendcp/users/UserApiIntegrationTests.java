package dev.ascendcp.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class UserApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    EntityManager entityManager;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static MockHttpServletRequestBuilder createUser(String username, String password, String role) {
        return post("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role
                        + "\"}");
    }

    @Test
    void createsUserWithoutReturningThePassword() throws Exception {
        String name = unique("alice");
        mvc.perform(createUser(name, "correct-horse-battery", "OPERATOR").with(Roles.admin()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/users/" + name))
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.role").value("OPERATOR"))
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
    }

    @Test
    void storesPasswordsOnlyHashed() throws Exception {
        String name = unique("hash");
        mvc.perform(createUser(name, "correct-horse-battery", "VIEWER").with(Roles.admin()))
                .andExpect(status().isCreated());
        Object raw = entityManager
                .createNativeQuery("SELECT password_hash FROM app_user WHERE username = ?1")
                .setParameter(1, name)
                .getSingleResult();
        assertThat(raw.toString()).startsWith("{bcrypt}$2").doesNotContain("correct-horse-battery");
        // and the stored hash logs in
        mvc.perform(get("/api/v1/tokens").with(httpBasic(name, "correct-horse-battery")))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesADuplicateUsername() throws Exception {
        String name = unique("dup");
        mvc.perform(createUser(name, "correct-horse-battery", "VIEWER").with(Roles.admin()))
                .andExpect(status().isCreated());
        mvc.perform(createUser(name, "another-long-password", "ADMIN").with(Roles.admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/user-exists"));
    }

    @Test
    void refusesAnInvalidUsernameAndAShortPassword() throws Exception {
        mvc.perform(createUser("Bad Name", "short", "VIEWER").with(Roles.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.errors[?(@.field == 'username')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists());
    }

    @Test
    void refusesAnUnknownRoleAndMalformedJson() throws Exception {
        mvc.perform(createUser(unique("r"), "correct-horse-battery", "ROOT").with(Roles.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/malformed-body"));
        mvc.perform(post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": ")
                        .with(Roles.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/malformed-body"));
    }

    @Test
    void listsUsersPaged() throws Exception {
        mvc.perform(get("/api/v1/users?page=0&size=1").with(Roles.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].password").doesNotExist())
                .andExpect(jsonPath("$.page.size").value(1))
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.totalElements").isNumber())
                .andExpect(jsonPath("$.page.totalPages").isNumber());
    }

    @Test
    void deletesAUser() throws Exception {
        String name = unique("gone");
        mvc.perform(createUser(name, "correct-horse-battery", "ADMIN").with(Roles.admin()))
                .andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/users/" + name).with(Roles.admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/users/" + name).with(Roles.admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/user-not-found"));
        mvc.perform(delete("/api/v1/users/" + name).with(Roles.admin())).andExpect(status().isNotFound());
    }

    @Test
    void refusesToDeleteYourself() throws Exception {
        String name = unique("self");
        users.create(new UserRequest(name, "correct-horse-battery", Role.ADMIN));
        mvc.perform(delete("/api/v1/users/" + name).with(httpBasic(name, "correct-horse-battery")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/self-deletion"));
    }

    @Test
    void requiresLogin() throws Exception {
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
            createUser("nobody", "correct-horse-battery", "VIEWER"),
            get("/api/v1/users"),
            get("/api/v1/users/admin"),
            delete("/api/v1/users/admin")
        }) {
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic ")))
                    .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.status").value(401));
        }
    }

    @Test
    void forbidsRolesBelowAdmin() throws Exception {
        for (RequestPostProcessor role : Roles.belowAdmin()) {
            mvc.perform(createUser(unique("x"), "correct-horse-battery", "VIEWER")
                            .with(role))
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.status").value(403));
            mvc.perform(get("/api/v1/users").with(role)).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/users/admin").with(role)).andExpect(status().isForbidden());
            mvc.perform(delete("/api/v1/users/admin").with(role)).andExpect(status().isForbidden());
        }
    }
}
