package dev.ascendcp.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the simulated cluster when {@code ascendcp.simulator.enabled=true}; stops it with the application. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "ascendcp.simulator", name = "enabled", havingValue = "true")
    SimulatedCluster simulatedCluster(SimulatorProperties properties) {
        return SimulatedCluster.start(properties.toSpec());
    }
}
