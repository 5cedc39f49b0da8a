package dev.ascendcp.jobs;

import dev.ascendcp.users.Role;
import dev.ascendcp.users.UserNotFoundException;
import dev.ascendcp.users.UserRequest;
import dev.ascendcp.users.UserService;
import java.util.Locale;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** One stored user per role, named after it in lower case, with the password {@link #PASSWORD}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestUsersConfiguration {

    public static final String PASSWORD = "secret-for-tests";

    /** Stored like real users before the first admin is made. */
    @Bean
    SmartInitializingSingleton testUsers(UserService users) {
        return () -> {
            for (Role role : Role.values()) {
                String name = role.name().toLowerCase(Locale.ROOT);
                try {
                    users.get(name);
                } catch (UserNotFoundException absent) {
                    users.create(new UserRequest(name, PASSWORD, role));
                }
            }
        };
    }
}
