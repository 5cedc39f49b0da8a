package dev.ascendcp.ssh;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the {@link RemoteExecutor}. A {@link HostKeyListener} bean, if the application has one (the inventory,
 * pinning first-seen keys), is told about host keys of every connection; the pool is closed on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SshProperties.class)
class SshConfiguration {

    @Bean(destroyMethod = "close")
    SshjRemoteExecutor remoteExecutor(SshProperties properties, ObjectProvider<HostKeyListener> hostKeyListener) {
        return new SshjRemoteExecutor(properties, hostKeyListener.getIfAvailable(() -> HostKeyListener.NONE));
    }
}
