package dev.ascendcp.users;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.support.Roles;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class UsersPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Test
    void listsUsersWithACreateFormAndTheTokens() throws Exception {
        users.create(new UserRequest(
                "listed" + UUID.randomUUID().toString().substring(0, 6), "correct-horse-battery", Role.VIEWER));
        mvc.perform(get("/users").with(Roles.admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("New user")))
                .andExpect(content().string(containsString("<option value=\"ADMIN\"")))
                .andExpect(content().string(containsString("Your API tokens")))
                .andExpect(content().string(containsString("data-confirm=")));
    }

    @Test
    void createsAndDeletesAUser() throws Exception {
        String name = "page" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/users")
                        .param("username", name)
                        .param("password", "correct-horse-battery")
                        .param("role", "OPERATOR")
                        .with(Roles.admin())
                        .with(csrf()))
                .andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("flash", containsString(name)));
        mvc.perform(get("/users").with(Roles.admin())).andExpect(content().string(containsString(name)));
        mvc.perform(post("/users/" + name + "/delete").with(Roles.admin()).with(csrf()))
                .andExpect(redirectedUrl("/users"));
        mvc.perform(get("/users").with(Roles.admin())).andExpect(content().string(not(containsString(name))));
    }

    @Test
    void showsFieldErrorsInsteadOfCreating() throws Exception {
        mvc.perform(post("/users")
                        .param("username", "X")
                        .param("password", "short")
                        .param("role", "VIEWER")
                        .with(Roles.admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")))
                .andExpect(content().string(containsString("must have 12 to 72 characters")))
                .andExpect(content().string(containsString("must be 2-32 characters")));
        mvc.perform(post("/users")
                        .param("username", "okname")
                        .param("password", "correct-horse-battery")
                        .param("role", "NOPE")
                        .with(Roles.admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has an invalid value")));
    }

    @Test
    void showsANewTokenOnceAndRevokesIt() throws Exception {
        String name = "ui-" + UUID.randomUUID();
        mvc.perform(post("/users/tokens")
                        .param("tokenName", name)
                        .with(Roles.admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shown only this once")))
                .andExpect(content().string(containsString("acp_")));
        mvc.perform(get("/users").with(Roles.admin()))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("shown only this once"))));
        UUID id = tokens.list("admin", org.springframework.data.domain.PageRequest.of(0, 200)).stream()
                .filter(token -> token.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(post("/users/tokens/" + id + "/revoke").with(Roles.admin()).with(csrf()))
                .andExpect(redirectedUrl("/users"));
        mvc.perform(get("/users").with(Roles.admin())).andExpect(content().string(not(containsString(name))));
    }

    @Test
    void isForAdminsOnly() throws Exception {
        mvc.perform(get("/users").with(Roles.operator())).andExpect(status().isForbidden());
    }
}
