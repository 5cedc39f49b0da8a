package dev.ascendcp.verification.phase;

import dev.ascendcp.verification.PingStrategy;
import java.util.List;

/**
 * How many pings a strategy will send, from the NPU counts of the inventory (shown before the run; the real plan
 * leaves out NPUs that turn out to have no IP).
 */
public final class PingEstimate {

    private PingEstimate() {}

    /** @param npuCounts the NPU count of each node, in the cluster's order */
    public static int pings(PingStrategy strategy, List<Integer> npuCounts) {
        int n = npuCounts.size();
        int total = npuCounts.stream().mapToInt(Integer::intValue).sum();
        long pings = 0;
        for (int k = 0; k < n; k++) {
            int own = npuCounts.get(k);
            switch (strategy) {
                case SAME_INDEX -> {
                    for (int npu = 0; npu < own; npu++) {
                        for (int j = 0; j < n; j++) {
                            pings += j != k && npuCounts.get(j) > npu ? 1 : 0;
                        }
                    }
                }
                case RING -> pings += n > 1 ? Math.min(own, npuCounts.get((k + 1) % n)) : 0;
                case FULL_MESH -> pings += (long) own * (total - own);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, pings);
    }
}
