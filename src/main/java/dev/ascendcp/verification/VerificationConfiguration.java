package dev.ascendcp.verification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Registers the typed configuration of the Verify phase; scheduling re-reads the NPU gauges periodically. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
@EnableScheduling
class VerificationConfiguration {}
