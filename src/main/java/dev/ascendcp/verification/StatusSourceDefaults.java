package dev.ascendcp.verification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * Until the ray and serving modules provide their status sources, every cluster is NOT_STARTED and STOPPED. The
 * beans are {@link Fallback}s: a real implementation declared anywhere wins without further wiring.
 */
@Configuration(proxyBeanMethods = false)
class StatusSourceDefaults {

    @Bean
    @Fallback
    RayStatusSource notStartedRay() {
        return clusterId -> RayStatusSource.RayStatus.notStarted();
    }

    @Bean
    @Fallback
    ServingStatusSource stoppedServing() {
        return clusterId -> ServingStatusSource.ServingStatus.stopped();
    }
}
