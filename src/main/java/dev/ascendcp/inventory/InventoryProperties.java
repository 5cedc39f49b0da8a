package dev.ascendcp.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inventory.
 *
 * @param masterKeyFile where the secret-encryption key is generated (mode 0600) and read when
 *     {@code ASCENDCP_MASTER_KEY} is not set
 * @param importMaxRows the most rows one import may hold
 * @param importMaxBytes the largest import body, in bytes
 */
@ConfigurationProperties(prefix = "ascendcp.inventory")
@Validated
record InventoryProperties(
        @DefaultValue("./data/master.key") Path masterKeyFile,
        @DefaultValue("5000") @Min(1) @Max(100_000) int importMaxRows,
        @DefaultValue("5242880") @Min(1) long importMaxBytes) {}
