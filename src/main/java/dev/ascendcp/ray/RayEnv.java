package dev.ascendcp.ray;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The environment {@code ray start} runs with on one node. It must be in the raylet's own environment, set before Ray
 * starts: vLLM's Ray executor copies only a few {@code VLLM_*} variables to its workers (problems.md #2, #8), so
 * HCCL/Gloo settings set later never reach them. The cluster's {@code env} comes last and may override the defaults.
 */
record RayEnv(Map<String, String> values) {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|KEY).*");

    RayEnv {
        values = Map.copyOf(values);
    }

    static RayEnv of(String localIp, String nicName, int npuCount, String processLogPath, Map<String, String> extra) {
        Map<String, String> env = new TreeMap<>();
        env.put("HCCL_IF_IP", localIp);
        env.put("GLOO_SOCKET_IFNAME", nicName);
        env.put("TP_SOCKET_IFNAME", nicName);
        // Stops Ray from rewriting ASCEND_RT_VISIBLE_DEVICES per actor (problems.md #2: "invalid device=1").
        env.put("RAY_EXPERIMENTAL_NOSET_ASCEND_RT_VISIBLE_DEVICES", "1");
        env.put(
                "ASCEND_RT_VISIBLE_DEVICES",
                IntStream.range(0, npuCount).mapToObj(String::valueOf).collect(Collectors.joining(",")));
        env.put("ASCEND_PROCESS_LOG_PATH", processLogPath);
        env.putAll(extra);
        return new RayEnv(env);
    }

    /** Sorted by name, so the hash and the rendered commands are stable. */
    Map<String, String> sorted() {
        return new TreeMap<>(values);
    }

    String hash() {
        StringBuilder sb = new StringBuilder();
        sorted().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** Names whose values differ between {@code before} and this env (added and removed included), for the log. */
    String describeDrift(Map<String, String> before) {
        Map<String, String> now = sorted();
        TreeMap<String, String> changes = new TreeMap<>();
        now.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changes.put(k, before.containsKey(k) ? shown(k, before.get(k)) + " -> " + shown(k, v) : "added");
            }
        });
        before.keySet().stream().filter(k -> !now.containsKey(k)).forEach(k -> changes.put(k, "removed"));
        return changes.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String shown(String name, String value) {
        return isSecret(name) ? "****" : value;
    }
}
