package dev.ascendcp.ray;

import dev.ascendcp.ssh.RemoteCommand;
import java.util.Map;

/** Every command the Bootstrap and Teardown phases run, built from validated values and quoted by {@link RemoteCommand}. */
final class RayCommands {

    /** The processes of a vLLM OpenAI server, however it was started ({@code vllm serve} or the module). */
    static final String VLLM_PATTERN = "vllm.entrypoints.openai.api_server|vllm serve";

    private RayCommands() {}

    static RemoteCommand dockerVersion() {
        return RemoteCommand.of("docker", "version", "--format", "{{.Server.Version}}");
    }

    static RemoteCommand imageId(String image) {
        return RemoteCommand.of("docker", "image", "inspect", "--format", "{{.Id}}", image);
    }

    static RemoteCommand pull(String image) {
        return RemoteCommand.of("docker", "pull", image);
    }

    /** {@code <running>|<spec label>|<image id>} of the container, or exit 1 when there is none. */
    static RemoteCommand containerState(String container) {
        return RemoteCommand.of(
                "docker", "inspect", "--format", "{{.State.Running}}|{{json .Config.Labels}}|{{.Image}}", container);
    }

    static RemoteCommand removeContainer(String container) {
        return RemoteCommand.of("docker", "rm", "-f", container);
    }

    static RemoteCommand nicAddresses(String nic) {
        return RemoteCommand.of("ip", "-o", "-4", "addr", "show", "dev", nic);
    }

    static RemoteCommand listeningPorts() {
        return RemoteCommand.of("ss", "-ltn");
    }

    static RemoteCommand npuSmi() {
        return RemoteCommand.of("npu-smi", "info");
    }

    static RemoteCommand shmIn(String container) {
        return RemoteCommand.of("docker", "exec", container, "df", "-k", "/dev/shm");
    }

    static RemoteCommand vllmRunning(String container) {
        return RemoteCommand.of("docker", "exec", container, "pgrep", "-f", VLLM_PATTERN);
    }

    static RemoteCommand stopVllm(String container) {
        return RemoteCommand.of("docker", "exec", container, "pkill", "-f", VLLM_PATTERN);
    }

    static RemoteCommand rayNodes(String container) {
        return RemoteCommand.of("docker", "exec", container, "ray", "list", "nodes", "--format", "json");
    }

    static RemoteCommand rayStop(String container) {
        return RemoteCommand.of("docker", "exec", container, "ray", "stop");
    }

    /** {@code ray health-check} connects to the GCS: the TCP check from a worker to the head (problems.md #4). */
    static RemoteCommand healthCheck(String container, String address) {
        return RemoteCommand.of("docker", "exec", container, "ray", "health-check", "--address", address);
    }

    static RemoteCommand startHead(String container, RayEnv env, int port, String localIp, int npus) {
        return rayStart(container, env)
                .arg("--head")
                .args("--port", String.valueOf(port))
                .args("--dashboard-host", "0.0.0.0")
                .args("--node-ip-address", localIp)
                .arg(npuResources(npus))
                .arg("--disable-usage-stats")
                .build();
    }

    static RemoteCommand startWorker(String container, RayEnv env, String address, String localIp, int npus) {
        return rayStart(container, env)
                .arg("--address=" + address)
                .args("--node-ip-address", localIp)
                .arg(npuResources(npus))
                .arg("--disable-usage-stats")
                .build();
    }

    /**
     * The NPUs as the custom resource {@code NPU}. The guide's {@code --num-gpus=N} registers {@code GPU}, but
     * vllm-ascend asks Ray for {@code NPU} ({@code ray_device_key = "NPU"}) and fails with "Current node has no NPU
     * available" (problems.md #1); Ray's own NPU detection falls back to {@code glob("/dev/davinci?")} and misses
     * {@code davinci10..15} on A3 nodes. Declaring the count is the fix that works on every node type.
     */
    static String npuResources(int npus) {
        return "--resources={\"NPU\": " + npus + "}";
    }

    private static RemoteCommand.Builder rayStart(String container, RayEnv env) {
        RemoteCommand.Builder b = RemoteCommand.builder("docker").arg("exec");
        for (Map.Entry<String, String> e : env.sorted().entrySet()) {
            b.arg("-e");
            if (RayEnv.isSecret(e.getKey())) {
                b.secretArg(e.getKey() + "=" + e.getValue());
            } else {
                b.arg(e.getKey() + "=" + e.getValue());
            }
        }
        return b.args(container, "ray", "start");
    }
}
