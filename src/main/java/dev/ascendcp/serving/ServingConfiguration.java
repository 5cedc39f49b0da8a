package dev.ascendcp.serving;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Serving's typed configuration and its scheduled endpoint checks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServingProperties.class)
@EnableScheduling
class ServingConfiguration {}
