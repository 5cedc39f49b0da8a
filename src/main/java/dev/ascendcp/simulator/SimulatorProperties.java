package dev.ascendcp.simulator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated cluster started with the application (demo profile, manual tests).
 *
 * @param enabled start the simulator at all
 * @param nodes number of simulated nodes
 * @param npusPerNode 8 (A2) or 16 (A3)
 * @param chipType chip name shown by npu-smi (910B3 for A2; Ascend910 for A3)
 * @param namePrefix node names are the prefix plus 1, 2, …
 * @param basePort SSH port of the first node (the next nodes count up); 0 = ephemeral ports
 * @param hostKeyDir where each node keeps its host key across restarts
 * @param hccnLatency how long one hccn_tool call (or one ping packet) takes
 * @param maxConcurrentHccn concurrent hccn_tool calls per node before it answers "busy"
 * @param username the SSH login user of every node
 * @param password the accepted password; none (or empty) = password login refused
 * @param authorizedKeys accepted public keys, as OpenSSH authorized-key lines
 * @param sudo whether the login user may {@code sudo -n}
 * @param distinctLoopbackIps give node k the local IP 127.0.0.(k+1) instead of 127.0.0.1 for all
 * @param bindAddress where the nodes' SSH servers and simulated services (vLLM, Ray) listen, e.g. {@code 0.0.0.0} so
 *     that another container reaches them; none = SSH on 127.0.0.1 and services on each node's local IP
 * @param nodeIps the local IP of each node, in order (the IP its NIC carries, {@code HCCL_IF_IP}); nodes without one
 *     get the loopback scheme of {@code distinctLoopbackIps}
 * @param authorizedKeysFile an OpenSSH {@code authorized_keys} file whose keys every node accepts, besides {@code
 *     authorizedKeys}
 */
@ConfigurationProperties(prefix = "ascendcp.simulator")
@Validated
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("3") @Min(1) @Max(64) int nodes,
        @DefaultValue("8") @Min(8) @Max(16) int npusPerNode,
        @DefaultValue("910B3") @NotBlank String chipType,
        @DefaultValue("sim-node-") @NotBlank String namePrefix,
        @DefaultValue("0") @Min(0) @Max(65535) int basePort,
        @DefaultValue("./data/simulator") Path hostKeyDir,
        @DefaultValue("30ms") Duration hccnLatency,
        @DefaultValue("4") @Min(1) int maxConcurrentHccn,
        @DefaultValue("ascend") @NotBlank String username,
        @Nullable String password,
        @DefaultValue List<String> authorizedKeys,
        @DefaultValue("true") boolean sudo,
        @DefaultValue("true") boolean distinctLoopbackIps,
        @Nullable String bindAddress,
        @DefaultValue List<String> nodeIps,
        @Nullable Path authorizedKeysFile) {

    /** The cluster these properties describe. */
    public ClusterSpec toSpec() {
        ClusterSpec.Builder b = ClusterSpec.builder(hostKeyDir)
                .nodes(nodes)
                .npusPerNode(npusPerNode)
                .namePrefix(namePrefix)
                .basePort(basePort)
                .hccnLatency(hccnLatency)
                .maxConcurrentHccn(maxConcurrentHccn)
                .username(username)
                .password(password == null || password.isEmpty() ? null : password)
                .sudo(sudo)
                .distinctLoopbackIps(distinctLoopbackIps)
                .bindAddress(bindAddress == null || bindAddress.isBlank() ? null : bindAddress)
                .nodeIps(nodeIps);
        if (npusPerNode != 16 || !chipType.equals("910B3")) {
            b.chipType(chipType);
        }
        authorizedKeys.forEach(b::authorizedKey);
        keysFrom(authorizedKeysFile).forEach(b::authorizedKey);
        return b.build();
    }

    private static List<String> keysFrom(@Nullable Path file) {
        if (file == null) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the authorized keys file " + file, e);
        }
    }
}
