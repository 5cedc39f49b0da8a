package dev.ascendcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.support.Roles;
import dev.ascendcp.users.Role;
import dev.ascendcp.users.UserRequest;
import dev.ascendcp.users.UserService;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityIntegrationTests {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    String viewer;

    @BeforeEach
    void createViewer() {
        viewer = "sec" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserRequest(viewer, PASSWORD, Role.VIEWER));
    }

    @Test
    void uiChangesNeedTheCsrfToken() throws Exception {
        String form = "username=csrf" + UUID.randomUUID().toString().substring(0, 6) + "&password=" + PASSWORD
                + "&role=VIEWER";
        mvc.perform(post("/users")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(form)
                        .with(Roles.admin()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/users")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(form)
                        .with(Roles.admin())
                        .with(csrf()))
                .andExpect(redirectedUrl("/users"));
    }

    @Test
    void apiChangesThroughABrowserSessionNeedTheCsrfToken() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin(
                                        "/login")
                                .user(viewer)
                                .password(PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession(false);
        assertThat(session).isNotNull();
        // reads work with the session ...
        mvc.perform(get("/v3/api-docs").session(session).requestAttr("x", "y")).andExpect(status().isOk());
        // ... a change from the cookie alone is refused
        mvc.perform(post("/api/v1/anything").session(session).with(request -> {
                    request.setRequestedSessionId(session.getId());
                    request.setRequestedSessionIdValid(true);
                    return request;
                }))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/csrf"));
    }

    @Test
    void setsSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void healthIsPublicButMetricsAndInfoNeedALogin() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic ")));
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(viewer, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/info").with(Roles.viewer())).andExpect(status().isOk());
    }

    @Test
    void uiPagesRedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/users"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));
    }

    @Test
    void theApiAnswers401And403AsProblems() throws Exception {
        mvc.perform(get("/api/v1/users"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic realm=\"ascendcp\"")))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/unauthenticated"))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
        mvc.perform(get("/api/v1/users").with(httpBasic(viewer, "wrong-password!")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/users").with(httpBasic(viewer, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/forbidden"));
    }

    @Test
    void basicAuthenticationCreatesNoSession() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/no-such-thing").with(httpBasic(viewer, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void refusesOversizedBodiesWithA400Problem() throws Exception {
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        mvc.perform(post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(big)
                        .with(Roles.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/payload-too-large"));
        // the import takes up to 5 MiB: 2 MiB passes the limit (and reaches whatever answers the path) ...
        mvc.perform(post("/api/v1/nodes/import")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(new byte[2 * 1024 * 1024])
                        .with(Roles.admin()))
                .andExpect(content().string(not(containsString("payload-too-large"))));
        // ... 6 MiB does not
        mvc.perform(post("/api/v1/nodes/import")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(new byte[6 * 1024 * 1024])
                        .with(Roles.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://ascendcp.dev/problems/payload-too-large"));
    }

    @Test
    void swaggerUiLoadsWithBasicAuthenticationAndNeedsNoInlineScript() throws Exception {
        mvc.perform(get("/swagger-ui.html").with(httpBasic(viewer, PASSWORD)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/swagger-ui/index.html")));
        String html = mvc.perform(get("/swagger-ui/index.html").with(httpBasic(viewer, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("swagger-ui");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("the CSP allows no inline script").contains("src=");
        }
        assertThat(count).isPositive();
        mvc.perform(get("/swagger-ui/swagger-initializer.js").with(httpBasic(viewer, PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs/swagger-config").with(httpBasic(viewer, PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }

    @Test
    void theLoginPageShowsFailureAndLogoutMessages() throws Exception {
        mvc.perform(get("/login?error"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Wrong user name or password")));
        mvc.perform(get("/login?logout"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You have been logged out")));
        mvc.perform(post("/logout").with(Roles.viewer()).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void uiErrorsAreErrorPagesWithoutStackTraces() throws Exception {
        mvc.perform(get("/no-such-page").with(Roles.viewer()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Not found")))
                .andExpect(content().string(containsString("Address: <code>/no-such-page</code>")))
                .andExpect(content().string(containsString("Back to the clusters")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/users").with(Roles.viewer()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        mvc.perform(put("/jobs").with(Roles.admin()).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().string(containsString("Request not accepted")))
                .andExpect(content().string(containsString("<title>Request not accepted")));
    }
}
