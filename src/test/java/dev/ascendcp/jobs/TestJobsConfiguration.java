package dev.ascendcp.jobs;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Test wiring: in-memory clusters, the scripted VERIFY phase, and one user per role. */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestUsersConfiguration.class)
public class TestJobsConfiguration {

    public static final String PASSWORD = TestUsersConfiguration.PASSWORD;

    // @Primary: they stand in for the inventory's targets, the real VERIFY phase and the database's users.
    @Bean
    @Primary
    TestTargets testTargets() {
        return new TestTargets();
    }

    @Bean
    @Primary
    ScriptedPhase scriptedPhase() {
        return new ScriptedPhase();
    }
}
