package dev.ascendcp.verification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The verdict of a whole cluster: nodes, cluster problems and (when run) the pings. */
public record ClusterVerification(
        Verdict verdict,
        List<NodeVerdict> nodes,
        List<Problem> problems,
        @Nullable PingReport ping) {

    /** Nodes and cluster problems checked, pings (if any) added; the verdict is the worst of them all. */
    public static ClusterVerification of(List<NodeVerdict> nodes, @Nullable PingReport ping) {
        List<Problem> problems = ClusterChecks.check(nodes);
        Verdict verdict = Verdict.of(problems);
        for (NodeVerdict node : nodes) {
            verdict = verdict.worst(node.verdict());
        }
        if (ping != null) {
            verdict = verdict.worst(ping.verdict());
        }
        return new ClusterVerification(verdict, List.copyOf(nodes), problems, ping);
    }
}
