package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The cross-node checks: duplicate NPU IPs and NPUs of one index on different subnets. */
public final class ClusterChecks {

    private ClusterChecks() {}

    public static List<Problem> check(List<NodeVerdict> nodes) {
        List<Problem> problems = new ArrayList<>(duplicates(nodes));
        problems.addAll(subnets(nodes));
        return List.copyOf(problems);
    }

    static List<Problem> duplicates(List<NodeVerdict> nodes) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (NodeVerdict node : nodes) {
            for (NpuVerdict npu : node.npus()) {
                if (npu.ip() != null) {
                    owners.computeIfAbsent(npu.ip(), ip -> new ArrayList<>())
                            .add(node.node() + " (NPU " + npu.index() + ")");
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        owners.forEach((ip, where) -> {
            if (where.size() > 1) {
                problems.add(Problem.cluster(
                        Severity.FAILED,
                        "DUPLICATE_IP",
                        "duplicate NPU IP " + ip + " on " + and(where),
                        "give every NPU port its own address: hccn_tool -i N -ip -s address <ip> netmask <mask>"));
            }
        });
        return problems;
    }

    static List<Problem> subnets(List<NodeVerdict> nodes) {
        Map<Integer, Map<String, TreeSet<String>>> byIndex = new TreeMap<>();
        for (NodeVerdict node : nodes) {
            for (NpuVerdict npu : node.npus()) {
                String network = Ipv4.network(npu.ip(), npu.netmask());
                if (network != null) {
                    byIndex.computeIfAbsent(npu.index(), i -> new TreeMap<>())
                            .computeIfAbsent(network, n -> new TreeSet<>())
                            .add(node.node());
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        byIndex.forEach((index, networks) -> {
            if (networks.size() > 1) {
                String list = networks.entrySet().stream()
                        .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                        .collect(Collectors.joining(", "));
                problems.add(Problem.cluster(
                        Severity.WARN,
                        "SUBNET_MISMATCH",
                        "NPU " + index + " is on different subnets across nodes: " + list,
                        "HCCL peers need a route between them: put NPU " + index
                                + " of every node in one subnet, or configure gateways and check the pings"));
            }
        });
        return problems;
    }

    private static String and(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
