package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the pings of a strategy. NPUs without a valid IPv4 address are left out (the checks already flag them).
 *
 * <p>Node k visits its peers in the order k+1, k+2, … (round robin), not all from the first node on: every node
 * sends its pings at the same time, and with a common order all n−1 of them would ping the same NPU at once (ICMP
 * answered by one device, a rate limit turns into false loss), then all the next one. Rotated, each NPU receives about
 * one ping at a time. Both directions of each pair are still pinged: a reply proves the path both ways, but only a
 * ping sent from an NPU shows that the NPU can send (its own ping task, ARP, route).
 */
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
                        for (int step = 1; step < n; step++) {
                            add(pairs, from, source.getKey(), nodes.get((k + step) % n), source.getKey());
                        }
                    }
                    case RING -> {
                        if (n > 1) {
                            add(pairs, from, source.getKey(), nodes.get((k + 1) % n), source.getKey());
                        }
                    }
                    case FULL_MESH -> {
                        for (int step = 1; step < n; step++) {
                            PingEndpoint to = nodes.get((k + step) % n);
                            List<Integer> targets = new ArrayList<>(to.npuIps().keySet());
                            // start at the source's own index, so that a node's lanes begin on different NPUs
                            int first = Math.max(0, targets.indexOf(source.getKey()));
                            for (int t = 0; t < targets.size(); t++) {
                                add(pairs, from, source.getKey(), to, targets.get((first + t) % targets.size()));
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
