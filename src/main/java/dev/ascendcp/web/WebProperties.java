package dev.ascendcp.web;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The web edge.
 *
 * @param maxBodySize the largest request body accepted (JSON and forms); larger ones get a 400 problem
 * @param maxImportBodySize the largest body accepted by the inventory import paths
 * @param importPaths the paths that take {@code maxImportBodySize}
 */
@ConfigurationProperties(prefix = "ascendcp.web")
@Validated
public record WebProperties(
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("5MB") @NotNull DataSize maxImportBodySize,

        @DefaultValue({"/api/v1/nodes/import", "/nodes/import"}) @NotNull
        List<String> importPaths) {}
