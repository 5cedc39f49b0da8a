package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the command lines that collect one node: {@code npu-smi info}, {@code cat /etc/hccn.conf} and the six
 * hccn_tool queries per NPU, each wrapped in {@code @@acp begin/end} markers. All queries of an NPU share a lane.
 */
public final class CollectionScript {

    public static final int DEFAULT_CONCURRENCY = 4;
    public static final String HCCN_TOOL = "hccn_tool";
    public static final String NPU_SMI = "npu-smi";

    private CollectionScript() {}

    public static NodeScript forNode(int npuCount) {
        return forNode(npuCount, DEFAULT_CONCURRENCY, HCCN_TOOL, NPU_SMI);
    }

    public static NodeScript forNode(int npuCount, int concurrency, String hccnTool, String npuSmi) {
        if (npuCount < 1 || npuCount > 64) {
            throw new IllegalArgumentException("npuCount must be 1-64, was " + npuCount);
        }
        List<SectionKey> keys = new ArrayList<>(expected(npuCount));
        return retry(keys, concurrency, hccnTool, npuSmi);
    }

    /** The lines that ask only the given queries again (after a busy answer); grouped by NPU as for a full run. */
    public static NodeScript retry(List<SectionKey> keys, int concurrency, String hccnTool, String npuSmi) {
        Map<Object, List<SectionKey>> groups = new LinkedHashMap<>();
        for (SectionKey key : keys) {
            Object group = key.npu() == null ? "node" : key.npu();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(key);
        }
        List<List<SectionKey>> ordered = new ArrayList<>(groups.values());
        if (groups.containsKey("node") && ordered.size() > 1) {
            // node queries ride in front of the first NPU so that they do not hold a lane of their own
            List<SectionKey> node = ordered.remove(0);
            node.addAll(ordered.get(0));
            ordered.set(0, node);
        }
        return ShellLanes.lanes(ordered, concurrency, hccnTool, npuSmi);
    }

    /** Every section a full collection of a node with {@code npuCount} NPUs produces. */
    public static List<SectionKey> expected(int npuCount) {
        List<SectionKey> keys = new ArrayList<>();
        keys.add(SectionKey.node(Query.NPU_SMI));
        keys.add(SectionKey.node(Query.HCCN_CONF));
        for (int npu = 0; npu < npuCount; npu++) {
            for (Query query : Query.PER_NPU) {
                keys.add(SectionKey.npu(query, npu));
            }
        }
        return List.copyOf(keys);
    }
}
