package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Wraps each query in begin/end markers and spreads groups of queries over lanes. Uses only {@code ;}, {@code 2>&1},
 * {@code $?} and {@code echo}. Every value put into the line is checked against a strict pattern first.
 */
final class ShellLanes {

    static final String BEGIN = "@@acp begin ";
    static final String END = "@@acp end ";

    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9_./-]{1,200}");
    static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private ShellLanes() {}

    static String tool(String path) {
        if (!TOOL.matcher(path).matches()) {
            throw new IllegalArgumentException("not a safe tool path: " + path);
        }
        return path;
    }

    static String wrapped(SectionKey key, String command) {
        return "echo '" + BEGIN + key.marker() + "'; " + command + " 2>&1; echo \"" + END + key.marker() + " rc=$?\"";
    }

    /** The command of a query: {@code hccn_tool -i 3 -link -g}, {@code npu-smi info}, {@code cat /etc/hccn.conf}. */
    static String command(SectionKey key, String hccnTool, String npuSmi) {
        Integer npu = key.npu();
        if (npu != null && (npu < 0 || npu > 63)) {
            throw new IllegalArgumentException("NPU index out of range: " + npu);
        }
        return switch (key.query()) {
            case NPU_SMI -> tool(npuSmi) + " info";
            case HCCN_CONF -> "cat /etc/hccn.conf";
            case PING -> {
                String target = key.target();
                if (target == null || !IPV4.matcher(target).matches()) {
                    throw new IllegalArgumentException("not an IPv4 address: " + target);
                }
                yield tool(hccnTool) + " -i " + npu + " -ping -g address " + target;
            }
            default -> tool(hccnTool) + " -i " + npu + " " + key.query().flag() + " -g";
        };
    }

    /** Deals the groups round-robin into at most {@code concurrency} lanes. */
    static NodeScript lanes(List<List<SectionKey>> groups, int concurrency, String hccnTool, String npuSmi) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        int count = Math.min(concurrency, Math.max(1, groups.size()));
        List<List<String>> lanes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lanes.add(new ArrayList<>());
        }
        List<SectionKey> all = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (SectionKey key : groups.get(g)) {
                lanes.get(g % count).add(wrapped(key, command(key, hccnTool, npuSmi)));
                all.add(key);
            }
        }
        List<String> lines = lanes.stream()
                .filter(l -> !l.isEmpty())
                .map(l -> l.stream().collect(Collectors.joining("; ")))
                .toList();
        return new NodeScript(lines, List.copyOf(all));
    }
}
