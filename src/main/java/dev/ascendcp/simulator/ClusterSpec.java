package dev.ascendcp.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a simulated cluster looks: its nodes, the SSH login (user, password and/or authorized keys) and timings.
 * Build with {@link #builder(Path)}.
 */
public record ClusterSpec(
        int nodeCount,
        int npuCount,
        String chipType,
        String namePrefix,
        String username,
        @Nullable String password,
        List<String> authorizedKeys,
        Path hostKeyDir,
        int basePort,
        Duration hccnLatency,
        int maxConcurrentHccn,
        boolean sudo,
        boolean distinctLoopbackIps,
        String nic,
        @Nullable String bindAddress,
        List<String> nodeIps) {

    public ClusterSpec {
        authorizedKeys = List.copyOf(authorizedKeys);
        nodeIps = List.copyOf(nodeIps);
    }

    public static Builder builder(Path hostKeyDir) {
        return new Builder(hostKeyDir);
    }

    /**
     * Node {@code k}: name {@code <prefix><k+1>}, local IP {@code nodeIps[k]} when given, else {@code 127.0.0.<k+1>}
     * (or 127.0.0.1 for all).
     */
    public NodeSpec node(int k) {
        String name = namePrefix + (k + 1);
        String ip = k < nodeIps.size() ? nodeIps.get(k) : distinctLoopbackIps ? "127.0.0." + (k + 1) : "127.0.0.1";
        int port = basePort == 0 ? 0 : basePort + k;
        return new NodeSpec(
                name,
                k,
                npuCount,
                chipType,
                ip,
                nic,
                port,
                sudo,
                hccnLatency,
                maxConcurrentHccn,
                hostKeyDir.resolve(name + ".hostkey"),
                1L << 30,
                List.of("/data/models/Qwen2.5-7B-Instruct"),
                bindAddress);
    }

    /** Mutable builder with the defaults of a small A2 cluster. */
    public static final class Builder {
        private final Path hostKeyDir;
        private int nodeCount = 2;
        private int npuCount = 8;
        private String chipType = "910B3";
        private String namePrefix = "sim-node-";
        private String username = "ascend";
        private @Nullable String password;
        private final List<String> authorizedKeys = new ArrayList<>();
        private int basePort;
        private Duration hccnLatency = Duration.ofMillis(30);
        private int maxConcurrentHccn = 4;
        private boolean sudo = true;
        private boolean distinctLoopbackIps = true;
        private String nic = "enp189s0f0";
        private @Nullable String bindAddress;
        private final List<String> nodeIps = new ArrayList<>();

        private Builder(Path hostKeyDir) {
            this.hostKeyDir = Objects.requireNonNull(hostKeyDir);
        }

        public Builder nodes(int n) {
            nodeCount = n;
            return this;
        }

        public Builder npusPerNode(int n) {
            npuCount = n;
            chipType = n == 16 && chipType.equals("910B3") ? "Ascend910" : chipType;
            return this;
        }

        public Builder chipType(String c) {
            chipType = c;
            return this;
        }

        public Builder namePrefix(String p) {
            namePrefix = p;
            return this;
        }

        public Builder username(String u) {
            username = u;
            return this;
        }

        public Builder password(@Nullable String p) {
            password = p;
            return this;
        }

        /** An OpenSSH authorized-key line ({@code ssh-ed25519 AAAA… comment}). */
        public Builder authorizedKey(String line) {
            authorizedKeys.add(line);
            return this;
        }

        public Builder basePort(int p) {
            basePort = p;
            return this;
        }

        public Builder hccnLatency(Duration d) {
            hccnLatency = d;
            return this;
        }

        public Builder maxConcurrentHccn(int n) {
            maxConcurrentHccn = n;
            return this;
        }

        public Builder sudo(boolean s) {
            sudo = s;
            return this;
        }

        public Builder distinctLoopbackIps(boolean d) {
            distinctLoopbackIps = d;
            return this;
        }

        public Builder nic(String n) {
            nic = n;
            return this;
        }

        /**
         * Where the nodes listen: their SSH servers and their simulated services (vLLM, the Ray GCS), e.g.
         * {@code 0.0.0.0} in a container. {@code null} (default): SSH on 127.0.0.1, services on the node's IP.
         */
        public Builder bindAddress(@Nullable String address) {
            bindAddress = address;
            return this;
        }

        /** The local IPs of the first nodes, in order (the others keep the loopback scheme). */
        public Builder nodeIps(List<String> ips) {
            nodeIps.clear();
            nodeIps.addAll(ips);
            return this;
        }

        public ClusterSpec build() {
            return new ClusterSpec(
                    nodeCount,
                    npuCount,
                    chipType,
                    namePrefix,
                    username,
                    password,
                    authorizedKeys,
                    hostKeyDir,
                    basePort,
                    hccnLatency,
                    maxConcurrentHccn,
                    sudo,
                    distinctLoopbackIps,
                    nic,
                    bindAddress,
                    nodeIps);
        }
    }
}
