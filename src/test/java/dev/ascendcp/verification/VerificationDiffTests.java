package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationDiffTests {

    private static ClusterVerification run(FakeNode a, FakeNode b) {
        NodeVerdict va = NodeChecks.check(a.facts(), NodeCollector.collect(2, a.run(CollectionScript.forNode(2))));
        NodeVerdict vb = NodeChecks.check(b.facts(), NodeCollector.collect(2, b.run(CollectionScript.forNode(2))));
        return ClusterVerification.of(List.of(va, vb), null);
    }

    @Test
    void listsNewlyFailingAndRecoveredNpus() {
        FakeNode a = new FakeNode("node-a", 2, 0);
        FakeNode b = new FakeNode("node-b", 2, 1);
        a.links.put(0, "DOWN");
        ClusterVerification before = run(a, b);
        a.links.remove(0);
        b.noGateway.add(1);
        ClusterVerification after = run(a, b);

        VerificationDiff diff = VerificationDiff.between(before, after);

        assertThat(diff.newlyFailing()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("NPU");
            assertThat(item.key()).isEqualTo("node-b/npu 1");
            assertThat(item.before()).isEqualTo(Verdict.PASSED);
            assertThat(item.problems()).singleElement().asString().startsWith("NPU 1 on node-b: no gateway");
        });
        assertThat(diff.recovered()).singleElement().satisfies(item -> {
            assertThat(item.key()).isEqualTo("node-a/npu 0");
            assertThat(item.after()).isEqualTo(Verdict.PASSED);
        });
    }

    @Test
    void anUnchangedClusterHasAnEmptyDiff() {
        FakeNode a = new FakeNode("node-a", 2, 0);
        FakeNode b = new FakeNode("node-b", 2, 1);
        a.links.put(1, "DOWN");
        VerificationDiff diff = VerificationDiff.between(run(a, b), run(a, b));
        assertThat(diff.newlyFailing()).isEmpty();
        assertThat(diff.recovered()).isEmpty();
    }

    @Test
    void tracksNodesAndPingPairs() {
        PingPair pair = new PingPair("node-a", 0, "node-b", 0, "29.0.1.10");
        PingPairResult lost = new PingPairResult(
                pair,
                Outcome.OK,
                100.0,
                null,
                1,
                Verdict.FAILED,
                PingResults.problem(
                        pair, PingParser.parse("3 packets transmitted, 0 received, 100.00% packet loss", "", 1)));
        PingPairResult fine = new PingPairResult(pair, Outcome.OK, 0.0, 0.1, 0, Verdict.PASSED, null);
        NodeVerdict down = NodeChecks.unreachable(new NodeFacts("node-c", 8), "timeout");
        NodeVerdict up = new NodeVerdict("node-c", true, Verdict.PASSED, List.of(), List.of());
        ClusterVerification before = new ClusterVerification(
                Verdict.FAILED,
                List.of(up),
                List.of(),
                new PingReport(PingStrategy.SAME_INDEX, 1, 1, List.of(lost), List.of(lost.problem()), List.of()));
        ClusterVerification after = new ClusterVerification(
                Verdict.FAILED,
                List.of(down),
                List.of(),
                new PingReport(PingStrategy.SAME_INDEX, 1, 0, List.of(fine), List.of(), List.of()));

        VerificationDiff diff = VerificationDiff.between(before, after);

        assertThat(diff.newlyFailing())
                .extracting(DiffItem::kind, DiffItem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NODE", "node-c"));
        assertThat(diff.recovered())
                .extracting(DiffItem::kind, DiffItem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PING", "node-a:0->node-b:0"));
    }
}
