package dev.ascendcp.jobs;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Test wiring: in-memory clusters, the scripted VERIFY phase, and one user per role (password {@code secret}). */
@TestConfiguration(proxyBeanMethods = false)
public class TestJobsConfiguration {

    @Bean
    TestTargets testTargets() {
        return new TestTargets();
    }

    @Bean
    ScriptedPhase scriptedPhase() {
        return new ScriptedPhase();
    }

    @Bean
    InMemoryUserDetailsManager testUsers() {
        return new InMemoryUserDetailsManager(
                User.withUsername("viewer")
                        .password("{noop}secret")
                        .roles("VIEWER")
                        .build(),
                User.withUsername("operator")
                        .password("{noop}secret")
                        .roles("OPERATOR")
                        .build(),
                User.withUsername("admin")
                        .password("{noop}secret")
                        .roles("ADMIN")
                        .build());
    }
}
