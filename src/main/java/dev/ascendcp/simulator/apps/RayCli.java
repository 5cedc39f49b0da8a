package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Call;
import dev.ascendcp.simulator.shell.Program;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** {@code ray start [--head] …}, {@code ray stop}, {@code ray status}, {@code ray list nodes --format json}. */
public final class RayCli implements Program {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimulatedNode node;
    private final RayCluster ray;

    public RayCli(SimulatedNode node, RayCluster ray) {
        this.node = node;
        this.ray = ray;
    }

    @Override
    public int run(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        if (a.isEmpty() || a.get(0).equals("--version")) {
            call.outln("ray, version 2.46.0");
            return 0;
        }
        return switch (a.get(0)) {
            case "start" -> new RayStart(node, ray).run(call, RayOptions.parse(a.subList(1, a.size())));
            case "stop" -> stop(call);
            case "status" -> status(call);
            case "list" -> list(call, a);
            case "health-check" -> healthCheck(call, a);
            default ->
                call.fail(2, "Usage: ray [OPTIONS] COMMAND [ARGS]...\nError: No such command '" + a.get(0) + "'.");
        };
    }

    private int stop(Call call) throws IOException {
        int stopped = ray.stop(node);
        if (stopped == 0) {
            RayLog.info(call, "scripts.py:1265", "Did not find any active Ray processes.");
        } else {
            RayLog.succ(call, "scripts.py:1252", "Stopped all " + stopped + " Ray processes.");
        }
        return 0;
    }

    /** {@code ray health-check --address ip:port}: exit 0 when the GCS answers over TCP. */
    private int healthCheck(Call call, List<String> a) throws IOException {
        String address = null;
        for (int i = 1; i < a.size(); i++) {
            if (a.get(i).startsWith("--address=")) {
                address = a.get(i).substring("--address=".length());
            } else if (a.get(i).equals("--address") && i + 1 < a.size()) {
                address = a.get(++i);
            }
        }
        if (address == null) {
            address = ray.address();
        }
        if (address == null || !ray.reachable(node, address)) {
            return call.fail(
                    1,
                    RayLog.native_('W', 51000) + "gcs_rpc_client.h:151: Failed to connect to GCS at address " + address
                            + " within 5 seconds.");
        }
        return 0;
    }

    private int notConnected(Call call) throws IOException {
        return call.fail(
                1,
                "ConnectionError: Could not find any running Ray instance. Please specify the one to connect"
                        + " to by setting `--address` flag or `RAY_ADDRESS` environment variable.");
    }

    private int status(Call call) throws IOException {
        if (ray.memberOn(node) == null) {
            return notConnected(call);
        }
        Map<String, Double> total = new LinkedHashMap<>();
        StringBuilder active = new StringBuilder();
        for (RayMember m : ray.alive()) {
            active.append(" 1 node_").append(m.nodeId()).append('\n');
            for (String k : List.of("CPU", "NPU", "GPU")) {
                if (m.resources().containsKey(k)) {
                    total.merge(k, m.resources().get(k), Double::sum);
                }
            }
        }
        StringBuilder sb =
                new StringBuilder("======== Autoscaler status: " + java.time.LocalDateTime.now() + " ========\n");
        sb.append("Node status\n").append("-".repeat(63)).append("\nActive:\n").append(active);
        sb.append("Pending:\n (no pending nodes)\nRecent failures:\n (no failures)\n\nResources\n")
                .append("-".repeat(63));
        sb.append("\nTotal Usage:\n");
        total.forEach(
                (k, v) -> sb.append(" 0.0/").append(v).append(' ').append(k).append('\n'));
        int n = ray.alive().size();
        sb.append(" 0B/")
                .append(String.format(java.util.Locale.ROOT, "%.2f", 1.96 * n))
                .append("TiB memory\n");
        sb.append(" 0B/")
                .append(String.format(java.util.Locale.ROOT, "%.2f", 9.31 * n))
                .append("GiB object_store_memory\n");
        sb.append(
                "\nTotal Constraints:\n (no request_resources() constraints)\nTotal Demands:\n (no resource demands)\n");
        call.out(sb.toString());
        return 0;
    }

    private int list(Call call, List<String> a) throws IOException {
        if (a.size() < 2 || !a.get(1).equals("nodes")) {
            return call.fail(
                    2,
                    "Usage: ray list [OPTIONS] {actors|jobs|placement-groups|nodes|workers|tasks|objects|runtime-envs|cluster-events}");
        }
        if (ray.memberOn(node) == null) {
            return notConnected(call);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RayMember m : ray.members()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("node_id", m.nodeId());
            row.put("node_ip", m.ip());
            row.put("is_head_node", m.head());
            row.put("state", m.alive() ? "ALIVE" : "DEAD");
            row.put("state_message", null);
            row.put("node_name", m.ip());
            row.put("resources_total", m.resources());
            row.put("labels", Map.of("ray.io/node-id", m.nodeId()));
            row.put("start_time_ms", m.startTimeMs());
            row.put("end_time_ms", m.alive() ? 0 : System.currentTimeMillis());
            rows.add(row);
        }
        call.outln(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        return 0;
    }
}
