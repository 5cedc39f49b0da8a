package dev.ascendcp.demo;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo profile's settings.
 *
 * @param keyDir where the demo's SSH key pair is kept across restarts (its private key is also stored, encrypted, as
 *     the credential {@code demo-key})
 * @param clusterName the name of the cluster registered for the simulated nodes
 * @param model the model the demo cluster serves (a directory that every simulated node has)
 */
@ConfigurationProperties(prefix = "ascendcp.demo")
@Validated
record DemoProperties(
        @DefaultValue("./data/demo") Path keyDir,
        @DefaultValue("demo") @NotBlank String clusterName,

        @DefaultValue("/data/models/Qwen2.5-7B-Instruct") @NotBlank
        String model) {}
