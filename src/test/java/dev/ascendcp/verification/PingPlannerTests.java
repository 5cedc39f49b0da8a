package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PingPlannerTests {

    private static List<PingEndpoint> nodes(int count, int npus) {
        List<PingEndpoint> nodes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Map<Integer, String> ips = new TreeMap<>();
            for (int i = 0; i < npus; i++) {
                ips.put(i, "29.0." + k + "." + (i + 10));
            }
            nodes.add(new PingEndpoint("node-" + (char) ('a' + k), ips));
        }
        return nodes;
    }

    @Test
    void sameIndexPingsEveryOtherNodesSameNpu() {
        PingPlan plan = PingPlanner.plan(PingStrategy.SAME_INDEX, nodes(4, 8));
        assertThat(plan.total()).isEqualTo(4 * 3 * 8);
        assertThat(plan.pairs())
                .allMatch(p -> p.fromNpu() == p.toNpu() && !p.fromNode().equals(p.toNode()));
        assertThat(plan.pairs()).contains(new PingPair("node-a", 0, "node-b", 0, "29.0.1.10"));
    }

    @Test
    void ringPingsTheNextNodeAndWraps() {
        PingPlan plan = PingPlanner.plan(PingStrategy.RING, nodes(4, 8));
        assertThat(plan.total()).isEqualTo(4 * 8);
        assertThat(plan.pairs()).contains(new PingPair("node-d", 5, "node-a", 5, "29.0.0.15"));
        assertThat(plan.pairs())
                .noneMatch(p -> p.fromNode().equals("node-a") && p.toNode().equals("node-c"));
    }

    @Test
    void fullMeshPingsEveryNpuOfEveryOtherNode() {
        assertThat(PingPlanner.plan(PingStrategy.FULL_MESH, nodes(4, 8)).total())
                .isEqualTo(4 * 8 * 24);
    }

    @Test
    void aSingleNodeHasNothingToPing() {
        for (PingStrategy s : PingStrategy.values()) {
            assertThat(PingPlanner.plan(s, nodes(1, 8)).pairs()).isEmpty();
        }
    }

    @Test
    void leavesOutNpusWithoutAnAddress() {
        List<PingEndpoint> nodes = nodes(2, 2);
        nodes.get(1).npuIps().remove(1);
        PingPlan plan = PingPlanner.plan(PingStrategy.SAME_INDEX, nodes);
        assertThat(plan.pairs()).extracting(PingPair::key).containsExactly("node-a:0->node-b:0", "node-b:0->node-a:0");
    }

    @Test
    void batchesEachNodesPingsIntoAtMostFourLanes() {
        PingPlan plan = PingPlanner.plan(PingStrategy.FULL_MESH, nodes(4, 8));
        NodeScript script = PingScript.forNode(plan, "node-a");
        assertThat(script.lanes()).hasSize(4);
        assertThat(script.sections()).hasSize(8 * 24);
        assertThat(script.lanes().get(1))
                .contains("echo '@@acp begin ping 1 29.0.1.10'; hccn_tool -i 1 -ping -g address 29.0.1.10 2>&1; "
                        + "echo \"@@acp end ping 1 29.0.1.10 rc=$?\"")
                .doesNotContain("-i 0 ");
    }

    @Test
    void visitsThePeersRoundRobinSoThatNoNpuIsPingedByEveryNodeAtOnce() {
        List<PingEndpoint> nodes = nodes(5, 8);
        for (PingStrategy strategy : List.of(PingStrategy.SAME_INDEX, PingStrategy.FULL_MESH)) {
            PingPlan plan = PingPlanner.plan(strategy, nodes);
            int perSource = plan.pairs().size() / (5 * 8);
            for (int npu = 0; npu < 8; npu++) {
                for (int t = 0; t < perSource; t++) {
                    java.util.Set<String> targets = new java.util.HashSet<>();
                    for (PingEndpoint node : nodes) {
                        int source = npu;
                        List<PingPair> mine = plan.from(node.node()).stream()
                                .filter(p -> p.fromNpu() == source)
                                .toList();
                        PingPair pair = mine.get(t);
                        targets.add(pair.toNode() + ":" + pair.toNpu());
                    }
                    // the t-th ping of NPU `npu` goes to a different NPU on each of the 5 nodes
                    assertThat(targets)
                            .as("%s, NPU %d, ping %d", strategy, npu, t)
                            .hasSize(5);
                }
            }
            // and every pair is still there, in both directions
            assertThat(plan.pairs()).hasSize(strategy == PingStrategy.SAME_INDEX ? 5 * 8 * 4 : 40 * 32);
            assertThat(plan.pairs())
                    .contains(new PingPair("node-b", 2, "node-a", 2, "29.0.0.12"))
                    .contains(new PingPair("node-a", 2, "node-b", 2, "29.0.1.12"));
        }
    }

    @Test
    void readsLossAndRttPerPairAndSaysWhichPairsFail() {
        List<FakeNode> fakes = List.of(new FakeNode("node-a", 2, 0), new FakeNode("node-b", 2, 1));
        List<PingEndpoint> endpoints = new ArrayList<>();
        fakes.forEach(f -> endpoints.add(new PingEndpoint(f.name, new TreeMap<>(f.ips))));
        fakes.get(0).pings.put("0 29.0.1.10", FakeNode.pingLost(0, "29.0.1.10"));
        fakes.get(1).busyOnce.add("hccn_tool -i 1 -ping -g address 29.0.0.11");
        PingPlan plan = PingPlanner.plan(PingStrategy.SAME_INDEX, endpoints);
        Map<String, List<Section>> sections = new HashMap<>();
        fakes.forEach(f -> sections.put(f.name, SectionDemux.split(f.run(PingScript.forNode(plan, f.name)))));

        PingReport report = PingResults.evaluate(plan, sections);

        assertThat(report.pairs()).isEqualTo(4);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.busy()).containsExactly(SectionKey.ping(1, "29.0.0.11"));
        assertThat(report.problems())
                .extracting(Problem::message)
                .containsExactly(
                        "NPU 0 on node-a cannot reach NPU 0 on node-b (29.0.1.10): 100% loss",
                        "NPU 1 on node-b could not ping NPU 1 on node-a (29.0.0.11): hccn_tool stayed busy");
        PingPairResult ok = report.results().get(1);
        assertThat(ok.pair().key()).isEqualTo("node-a:1->node-b:1");
        assertThat(ok.lossPercent()).isZero();
        assertThat(ok.avgRttMs()).isBetween(0.08, 0.082);
        assertThat(ok.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void partialLossWarns() {
        PingPair pair = new PingPair("node-a", 0, "node-b", 0, "29.0.0.2");
        PingOutput out = PingParser.parse(
                "device 0 PING 29.0.0.2\nrecv time out seq=0\nrecv seq=1,time=0.097000ms\n"
                        + "recv seq=2,time=0.066000ms\n3 packets transmitted, 2 received, 33.33% packet loss\n",
                "", 1);
        Problem p = PingResults.problem(pair, out);
        assertThat(p).isNotNull();
        assertThat(p.severity()).isEqualTo(Severity.WARN);
        assertThat(p.message()).isEqualTo("NPU 0 on node-a loses 33.33% of packets to NPU 0 on node-b (29.0.0.2)");
    }
}
