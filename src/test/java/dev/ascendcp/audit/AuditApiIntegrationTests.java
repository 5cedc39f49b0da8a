package dev.ascendcp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.support.Roles;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class AuditApiIntegrationTests {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    private String newUser(String role) throws Exception {
        String name = "aud" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role
                                + "\"}")
                        .with(Roles.admin()))
                .andExpect(status().isCreated());
        return name;
    }

    private List<AuditEvent> eventsOf(String actor) {
        return audit.list(actor, null, PageRequest.of(0, 100)).getContent();
    }

    @Test
    void listsTheTrailNewestFirstAndFilters() throws Exception {
        String first = newUser("VIEWER");
        String second = newUser("VIEWER");
        mvc.perform(get("/api/v1/audit?action=user.created&size=2").with(Roles.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].target").value(second))
                .andExpect(jsonPath("$.content[1].target").value(first))
                .andExpect(jsonPath("$.content[0].actor").value("admin"))
                .andExpect(jsonPath("$.content[0].at").isNotEmpty())
                .andExpect(jsonPath("$.page.size").value(2));
        mvc.perform(get("/api/v1/audit?actor=system&action=user.").with(Roles.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isNotEmpty())
                .andExpect(jsonPath("$.content[*].actor", everyItem(is("system"))))
                .andExpect(jsonPath("$.content[*].action", everyItem(startsWith("user."))));
    }

    @Test
    void requiresLoginAndTheAdminRole() throws Exception {
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
        for (RequestPostProcessor role : Roles.belowAdmin()) {
            mvc.perform(get("/api/v1/audit").with(role)).andExpect(status().isForbidden());
        }
    }

    @Test
    void recordsBasicLoginsAndFailuresWithoutThePassword() throws Exception {
        String user = newUser("ADMIN");
        mvc.perform(get("/api/v1/audit").with(httpBasic(user, "wrong-password-guess")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit").with(httpBasic(user, PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").with(httpBasic("no-such-user", "another-guess")))
                .andExpect(status().isUnauthorized());

        assertThat(eventsOf(user))
                .extracting(AuditEvent::action, AuditEvent::target)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("login.failed", "basic"),
                        org.assertj.core.groups.Tuple.tuple("login.succeeded", "basic"));
        assertThat(eventsOf("no-such-user")).extracting(AuditEvent::action).containsExactly("login.failed");
        String everything = JsonMapper.builder()
                .build()
                .writeValueAsString(audit.list(PageRequest.of(0, 2000)).getContent());
        assertThat(everything).doesNotContain("wrong-password-guess").doesNotContain("another-guess");
    }

    @Test
    void recordsFormLoginsAndFailures() throws Exception {
        String user = newUser("VIEWER");
        mvc.perform(formLogin("/login").user(user).password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(redirectedUrl("/"));

        assertThat(eventsOf(user))
                .extracting(AuditEvent::action, AuditEvent::target)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("login.failed", "form"),
                        org.assertj.core.groups.Tuple.tuple("login.succeeded", "form"));
    }

    @Test
    void recordsUserAndTokenChanges() throws Exception {
        String user = newUser("OPERATOR");
        mvc.perform(delete("/api/v1/users/" + user).with(Roles.admin())).andExpect(status().isNoContent());
        String name = "audited-" + UUID.randomUUID();
        String body = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\"}")
                        .with(Roles.admin()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonMapper.builder().build().readTree(body).get("id").asString();
        String token = JsonMapper.builder().build().readTree(body).get("token").asString();
        mvc.perform(delete("/api/v1/tokens/" + id).with(Roles.admin())).andExpect(status().isNoContent());

        List<AuditEvent> admin = eventsOf("admin");
        assertThat(admin)
                .extracting(AuditEvent::action, AuditEvent::target)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("user.created", user),
                        org.assertj.core.groups.Tuple.tuple("user.deleted", user),
                        org.assertj.core.groups.Tuple.tuple("token.created", name),
                        org.assertj.core.groups.Tuple.tuple("token.revoked", name));
        assertThat(admin)
                .allSatisfy(event -> assertThat(String.valueOf(event.detail())).doesNotContain(token));
    }
}
