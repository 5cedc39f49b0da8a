package dev.ascendcp.verification;

import java.util.List;

/** The pairs a strategy produces; {@link #total()} is shown before the run. */
public record PingPlan(PingStrategy strategy, List<PingPair> pairs) {

    public int total() {
        return pairs.size();
    }

    public List<PingPair> from(String node) {
        return pairs.stream().filter(p -> p.fromNode().equals(node)).toList();
    }
}
