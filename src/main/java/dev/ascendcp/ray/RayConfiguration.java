package dev.ascendcp.ray;

import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/** The module's configuration and the fallback {@link VerificationGate}, used only when no other gate is a bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RayProperties.class)
class RayConfiguration {

    @Bean
    @Fallback
    VerificationGate neverVerified() {
        return clusterId -> Optional.empty();
    }
}
