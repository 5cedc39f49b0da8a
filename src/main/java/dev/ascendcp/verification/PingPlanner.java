package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plans the pings of a strategy. NPUs without a valid IPv4 address are left out (the checks already flag them). */
public final class PingPlanner {

    private PingPlanner() {}

    public static PingPlan plan(PingStrategy strategy, List<PingEndpoint> nodes) {
        List<PingPair> pairs = new ArrayList<>();
        int n = nodes.size();
        for (int k = 0; k < n; k++) {
            PingEndpoint from = nodes.get(k);
            for (Map.Entry<Integer, String> source : from.npuIps().entrySet()) {
                if (!valid(source.getValue())) {
                    continue;
                }
                switch (strategy) {
                    case SAME_INDEX -> {
                        for (int j = 0; j < n; j++) {
                            if (j != k) {
                                add(pairs, from, source.getKey(), nodes.get(j), source.getKey());
                            }
                        }
                    }
                    case RING -> {
                        if (n > 1) {
                            add(pairs, from, source.getKey(), nodes.get((k + 1) % n), source.getKey());
                        }
                    }
                    case FULL_MESH -> {
                        for (int j = 0; j < n; j++) {
                            if (j != k) {
                                for (Integer target : nodes.get(j).npuIps().keySet()) {
                                    add(pairs, from, source.getKey(), nodes.get(j), target);
                                }
                            }
                        }
                    }
                }
            }
        }
        return new PingPlan(strategy, List.copyOf(pairs));
    }

    private static void add(List<PingPair> pairs, PingEndpoint from, int fromNpu, PingEndpoint to, int toNpu) {
        String ip = to.npuIps().get(toNpu);
        if (valid(ip)) {
            pairs.add(new PingPair(from.node(), fromNpu, to.node(), toNpu, ip));
        }
    }

    private static boolean valid(String ip) {
        return ip != null && ShellLanes.IPV4.matcher(ip).matches();
    }
}
