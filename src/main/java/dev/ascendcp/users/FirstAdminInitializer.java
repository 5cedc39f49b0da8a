package dev.ascendcp.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start (no user at all) creates {@code admin}; a generated password is printed this once only. */
@Component
@Order(0)
class FirstAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final UserService users;
    private final SecurityProperties properties;

    FirstAdminInitializer(UserService users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.configuredAdminPassword();
        String generated = users.createFirstAdminIfNoUser(configured);
        if (generated != null) {
            log.warn(
                    "\n\n=============== ASCENDCP FIRST ADMIN ===============\n"
                            + "Created user 'admin' (ADMIN) with the generated password:\n\n    {}\n\n"
                            + "It is printed only this once. Store it now, or set ASCENDCP_ADMIN_PASSWORD\n"
                            + "before the first start to choose it yourself.\n"
                            + "====================================================\n",
                    generated);
        } else if (configured != null) {
            log.debug("Checked the first admin: users exist or 'admin' was created from ASCENDCP_ADMIN_PASSWORD");
        }
    }
}
