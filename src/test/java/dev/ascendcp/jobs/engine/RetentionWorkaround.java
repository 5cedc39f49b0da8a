package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobsProperties;
import dev.ascendcp.jobs.model.JobLeases;
import dev.ascendcp.jobs.model.JobRepository;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Test-only stand-in: {@link Retention} has two constructors without {@code @Autowired}, so a full context cannot
 * create it on this branch. Used with {@code spring.main.allow-bean-definition-overriding=true} until jobs fixes it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RetentionWorkaround {

    @Bean
    Retention retention(
            JobRepository jobs, JobLeases leases, JobsProperties properties, PlatformTransactionManager tx) {
        return new Retention(jobs, leases, properties, tx);
    }
}
