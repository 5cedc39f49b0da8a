package dev.ascendcp.simulator;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The simulator on its own, from the same jar or image: with profile {@value #PROFILE} the application starts only the
 * simulated nodes (their SSH servers and simulated services, configured by {@code ascendcp.simulator.*}) and keeps
 * running until stopped. No web server, database, jobs or inventory: a separate application context that sees neither
 * the control plane's components nor Spring Boot's auto-configuration.
 */
public final class StandaloneSimulator {

    /** The profile that selects the standalone simulator. */
    public static final String PROFILE = "simulator";

    private static final Logger log = LoggerFactory.getLogger(StandaloneSimulator.class);

    private StandaloneSimulator() {}

    /**
     * Whether {@code spring.profiles.active} names {@value #PROFILE}, given on the command line ({@code
     * --spring.profiles.active=simulator}), as a system property or in the environment ({@code
     * SPRING_PROFILES_ACTIVE}).
     */
    public static boolean requested(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        String active = environment.getProperty(AbstractEnvironment.ACTIVE_PROFILES_PROPERTY_NAME, "");
        return Arrays.stream(active.split(",")).map(String::strip).anyMatch(PROFILE::equals);
    }

    /** Starts the simulated nodes with profile {@value #PROFILE}; closing the context stops them. */
    public static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(Nodes.class)
                .main(StandaloneSimulator.class)
                .web(WebApplicationType.NONE)
                .profiles(PROFILE)
                .run(args);
    }

    /** The standalone context: the simulator's properties and its cluster, nothing else. */
    @EnableConfigurationProperties(SimulatorProperties.class)
    @Import(SimulatorConfiguration.class)
    static class Nodes {

        @Bean
        ApplicationRunner announceNodes(SimulatedCluster cluster, SimulatorProperties properties) {
            return args -> {
                if (properties.password() == null || properties.password().isEmpty()) {
                    if (properties.authorizedKeys().isEmpty() && properties.authorizedKeysFile() == null) {
                        log.warn("Simulator: no password and no authorized key configured: nobody can log in"
                                + " (set ASCENDCP_SIMULATOR_PASSWORD or ASCENDCP_SIMULATOR_AUTHORIZEDKEYSFILE)");
                    }
                }
                for (SimulatedNode node : cluster.nodes()) {
                    log.info(
                            "Simulated node {}: SSH {}:{} (user {}), local IP {} on {}, {} NPUs, host key {}",
                            node.name(),
                            node.sshHost(),
                            node.port(),
                            node.username(),
                            node.localIp(),
                            node.nic(),
                            node.npuCount(),
                            node.hostKeyFingerprint());
                }
            };
        }
    }
}
