package dev.ascendcp.jobs;

import dev.ascendcp.users.Role;
import dev.ascendcp.users.UserNotFoundException;
import dev.ascendcp.users.UserRequest;
import dev.ascendcp.users.UserService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test wiring: in-memory clusters, the scripted VERIFY phase, and one user per role. */
@TestConfiguration(proxyBeanMethods = false)
public class TestJobsConfiguration {

    public static final String PASSWORD = "secret-for-tests";

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

    /** One user per role (password {@link #PASSWORD}), stored like real users before the first admin is made. */
    @Bean
    SmartInitializingSingleton testUsers(UserService users) {
        return () -> {
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase(java.util.Locale.ROOT);
                try {
                    users.get(name);
                } catch (UserNotFoundException absent) {
                    users.create(new UserRequest(name, PASSWORD, role));
                }
            }
        };
    }
}
