package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The ping command lines of one source node: one marked section per (source NPU, target IP), the pings of one source
 * NPU in the same lane, at most {@code concurrency} lanes.
 */
public final class PingScript {

    private PingScript() {}

    public static NodeScript forNode(PingPlan plan, String node) {
        return forNode(plan, node, CollectionScript.DEFAULT_CONCURRENCY, CollectionScript.HCCN_TOOL);
    }

    public static NodeScript forNode(PingPlan plan, String node, int concurrency, String hccnTool) {
        return forNode(plan, node, concurrency, hccnTool, null);
    }

    /** As above with {@code pkt N} packets per ping (null: the tool's default of 3). */
    public static NodeScript forNode(
            PingPlan plan, String node, int concurrency, String hccnTool, @Nullable Integer packets) {
        Map<Integer, Set<SectionKey>> bySource = new LinkedHashMap<>();
        for (PingPair pair : plan.from(node)) {
            bySource.computeIfAbsent(pair.fromNpu(), i -> new LinkedHashSet<>())
                    .add(SectionKey.ping(pair.fromNpu(), pair.toIp()));
        }
        List<List<SectionKey>> groups = new ArrayList<>();
        bySource.values().forEach(keys -> groups.add(List.copyOf(keys)));
        return ShellLanes.lanes(groups, concurrency, hccnTool, CollectionScript.NPU_SMI, packets);
    }

    /** The lines that ask only the given pings again (after busy answers). */
    public static NodeScript retry(List<SectionKey> keys, int concurrency, String hccnTool) {
        return retry(keys, concurrency, hccnTool, null);
    }

    /** As above with {@code pkt N} packets per ping (null: the tool's default). */
    public static NodeScript retry(List<SectionKey> keys, int concurrency, String hccnTool, @Nullable Integer packets) {
        Map<Integer, List<SectionKey>> bySource = new LinkedHashMap<>();
        keys.forEach(
                k -> bySource.computeIfAbsent(k.npu(), i -> new ArrayList<>()).add(k));
        return ShellLanes.lanes(
                new ArrayList<>(bySource.values()), concurrency, hccnTool, CollectionScript.NPU_SMI, packets);
    }
}
