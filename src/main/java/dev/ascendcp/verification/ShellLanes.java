package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

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
        return command(key, hccnTool, npuSmi, null);
    }

    /** As above; {@code pingPackets} adds {@code pkt N} to pings (null: the tool's default of 3, no option sent). */
    static String command(SectionKey key, String hccnTool, String npuSmi, @Nullable Integer pingPackets) {
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
                if (pingPackets != null && (pingPackets < 1 || pingPackets > 100)) {
                    throw new IllegalArgumentException("ping packets must be 1-100, was " + pingPackets);
                }
                yield tool(hccnTool) + " -i " + npu + " -ping -g address " + target
                        + (pingPackets == null ? "" : " pkt " + pingPackets);
            }
            default -> tool(hccnTool) + " -i " + npu + " " + key.query().flag() + " -g";
        };
    }

    /** Deals the groups round-robin into at most {@code concurrency} lanes. */
    static NodeScript lanes(List<List<SectionKey>> groups, int concurrency, String hccnTool, String npuSmi) {
        return lanes(groups, concurrency, hccnTool, npuSmi, null);
    }

    static NodeScript lanes(
            List<List<SectionKey>> groups,
            int concurrency,
            String hccnTool,
            String npuSmi,
            @Nullable Integer pingPackets) {
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
                lanes.get(g % count).add(wrapped(key, command(key, hccnTool, npuSmi, pingPackets)));
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
