package dev.ascendcp.users;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** {@code ASCENDCP_ADMIN_PASSWORD} reaches the first admin through {@code ascendcp.security.admin-password}. */
@SpringBootTest(properties = "ascendcp.security.admin-password=${ADMIN_PASSWORD_FOR_TEST:first-start-secret-1}")
@AutoConfigureMockMvc
class FirstAdminIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theFirstAdminLogsInWithTheConfiguredPassword() throws Exception {
        mvc.perform(get("/api/v1/users/admin").with(httpBasic("admin", "first-start-secret-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"));
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", "some-other-password")))
                .andExpect(status().isUnauthorized());
    }
}
