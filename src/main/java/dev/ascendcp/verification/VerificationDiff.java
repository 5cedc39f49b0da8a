package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What changed between two verifications: items that fail now but did not, and items that failed and now pass. */
public record VerificationDiff(List<DiffItem> newlyFailing, List<DiffItem> recovered) {

    private record Item(String kind, String key, Verdict verdict, List<String> problems) {}

    public static VerificationDiff between(ClusterVerification before, ClusterVerification after) {
        Map<String, Item> old = items(before);
        List<DiffItem> failing = new ArrayList<>();
        List<DiffItem> recovered = new ArrayList<>();
        items(after).forEach((id, now) -> {
            Item was = old.get(id);
            boolean failedBefore = was != null && failing(was.verdict());
            Verdict previous = was == null ? null : was.verdict();
            if (failing(now.verdict()) && !failedBefore) {
                failing.add(new DiffItem(now.kind(), now.key(), previous, now.verdict(), now.problems()));
            } else if (!failing(now.verdict()) && failedBefore) {
                recovered.add(new DiffItem(now.kind(), now.key(), previous, now.verdict(), was.problems()));
            }
        });
        return new VerificationDiff(List.copyOf(failing), List.copyOf(recovered));
    }

    private static boolean failing(Verdict v) {
        return v == Verdict.FAILED;
    }

    private static Map<String, Item> items(ClusterVerification v) {
        Map<String, Item> items = new LinkedHashMap<>();
        put(items, "CLUSTER", "cluster", Verdict.of(v.problems()), v.problems());
        for (NodeVerdict node : v.nodes()) {
            put(items, "NODE", node.node(), Verdict.of(node.problems()), node.problems());
            for (NpuVerdict npu : node.npus()) {
                put(items, "NPU", node.node() + "/npu " + npu.index(), npu.verdict(), npu.problems());
            }
        }
        if (v.ping() != null) {
            for (PingPairResult r : v.ping().results()) {
                List<Problem> problems = r.problem() == null ? List.of() : List.of(r.problem());
                put(items, "PING", r.pair().key(), r.verdict(), problems);
            }
        }
        return items;
    }

    private static void put(Map<String, Item> items, String kind, String key, Verdict verdict, List<Problem> problems) {
        items.put(
                kind + " " + key,
                new Item(
                        kind, key, verdict, problems.stream().map(Problem::text).toList()));
    }
}
