package dev.ascendcp.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc request post-processors for each role, e.g. {@code mockMvc.perform(get("/api/v1/nodes").with(Roles.viewer()))}.
 * These users exist only in the test's security context, not in the database; {@link #admin()} is named
 * {@code admin} like the first admin that every fresh database gets, so code that looks the user up finds it.
 */
public final class Roles {

    private Roles() {}

    public static RequestPostProcessor viewer() {
        return user("viewer").roles("VIEWER");
    }

    public static RequestPostProcessor operator() {
        return user("operator").roles("OPERATOR");
    }

    public static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }

    /** The roles below {@code ADMIN}, for "403 for each role too low" tests. */
    public static RequestPostProcessor[] belowAdmin() {
        return new RequestPostProcessor[] {viewer(), operator()};
    }
}
