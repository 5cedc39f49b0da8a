package dev.ascendcp.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one simulated node looks.
 *
 * @param index position in the cluster (0-based); NPU {@code i} of node {@code k} has IP {@code 29.0.i.(k+5)}
 * @param npuCount 8 (Atlas A2, 910B) or 16 (A3, 910C: 8 cards of two dies)
 * @param chipType npu-smi name, e.g. {@code 910B3}
 * @param localIp the host IP carried by {@code nic} (a loopback address, so listeners really bind here)
 * @param port SSH port, 0 = ephemeral (kept across restarts once chosen)
 * @param sudo whether the login user may {@code sudo -n}
 * @param hccnLatency how long each hccn_tool call takes (a ping takes this per packet)
 * @param maxConcurrentHccn concurrent hccn_tool calls allowed before {@code hccn_tool is busy}
 * @param hostKeyFile where the host key is kept, so that it survives restarts
 * @param modelPaths model directories present on the node (each gets a {@code config.json})
 * @param bindAddress where the SSH server and the simulated services listen; {@code null}: SSH on 127.0.0.1 and
 *     services on {@code localIp}
 */
public record NodeSpec(
        String name,
        int index,
        int npuCount,
        String chipType,
        String localIp,
        String nic,
        int port,
        boolean sudo,
        Duration hccnLatency,
        int maxConcurrentHccn,
        Path hostKeyFile,
        long shmBytes,
        List<String> modelPaths,
        @Nullable String bindAddress) {

    public NodeSpec {
        if (npuCount != 8 && npuCount != 16) {
            throw new IllegalArgumentException("npuCount must be 8 (A2) or 16 (A3), was " + npuCount);
        }
        modelPaths = List.copyOf(modelPaths);
    }

    /** The address the SSH server listens on. */
    public String sshBindAddress() {
        return bindAddress != null ? bindAddress : "127.0.0.1";
    }

    /** The address a simulated service started for {@code ip} (vLLM's host, Ray's node IP) really binds. */
    public String listenAddress(String ip) {
        return bindAddress != null ? bindAddress : ip;
    }

    /** The IP of NPU {@code i}: same-index NPUs of all nodes share the subnet {@code 29.0.i.0/24}. */
    public String npuIp(int i) {
        return "29.0." + i + "." + (index + 5);
    }

    public String npuGateway(int i) {
        return "29.0." + i + ".1";
    }

    /** A3 nodes have two dies per card. */
    public boolean isA3() {
        return npuCount == 16;
    }
}
