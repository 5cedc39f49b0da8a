package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.JobsProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    @Bean
    ReplicaId jobsReplicaId(JobsProperties properties) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return new ReplicaId(properties.instanceId());
        }
        try {
            return new ReplicaId(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return new ReplicaId("localhost");
        }
    }
}
