package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A node as created or replaced by {@code POST /api/v1/nodes} and {@code PUT /api/v1/nodes/{id}}. */
record NodeRequest(
        @Schema(example = "node-a") @NotNull @ResourceName String name,

        @Schema(example = "10.0.0.11") @NotNull @Size(max = 253) @Hostname
        String host,

        @Schema(example = "22", defaultValue = "22") @Min(1) @Max(65535) @Nullable
        Integer sshPort,

        @NotNull UUID credentialId,
        @Schema(defaultValue = "false") @Nullable Boolean sudo,

        @Schema(example = "10.0.0.11", description = "defaults to host when host is an IP")
        @Size(max = 45)
        @IpLiteral
        @Nullable
        String localIp,

        @Schema(example = "enp189s0f0") @NotNull @NicName String nicName,
        @Schema(example = "8") @NotNull @Min(1) @Max(16) Integer npuCount,
        @Size(max = 32) @Nullable Map<@NotNull @LabelKey String, @NotNull @LabelValue String> labels,
        @Valid @Nullable JumpHost jumpHost,

        @Schema(
                defaultValue = "TOFU",
                description = "TOFU pins the first host key seen, STRICT connects only to a key pinned"
                        + " beforehand; it applies to the jump host too")
        @Nullable
        HostKeyPolicy hostKeyPolicy) {

    /** A bastion the node is reached through. */
    @Schema(name = "JumpHostRequest")
    record JumpHost(
            @NotNull @Size(max = 253) @Hostname String host,
            @Min(1) @Max(65535) @Nullable Integer port,
            @NotNull UUID credentialId) {

        int portOrDefault() {
            return port == null ? 22 : port;
        }
    }

    int sshPortOrDefault() {
        return sshPort == null ? 22 : sshPort;
    }

    /** {@code localIp}, or {@code host} when that is an IP literal; empty when neither. */
    String localIpOrDefault() {
        if (localIp != null) {
            return localIp;
        }
        return InventoryPatterns.isIpLiteral(host) ? host : "";
    }
}
