package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChecksTests {

    private static List<FakeNode> cluster(Consumer<List<FakeNode>> faults) {
        List<FakeNode> nodes = new ArrayList<>();
        for (String name : List.of("node-a", "node-b", "node-c", "node-d")) {
            nodes.add(new FakeNode(name, 8, 0));
        }
        for (int k = 0; k < nodes.size(); k++) {
            for (int i = 0; i < 8; i++) {
                nodes.get(k).ips.put(i, "29.0." + k + "." + (i + 10));
            }
        }
        faults.accept(nodes);
        return nodes;
    }

    private static ClusterVerification verify(List<FakeNode> nodes) {
        List<NodeVerdict> verdicts = new ArrayList<>();
        for (FakeNode node : nodes) {
            NodeCollection c = NodeCollector.collect(node.npuCount, node.run(CollectionScript.forNode(node.npuCount)));
            verdicts.add(NodeChecks.check(node.facts(), c));
        }
        return ClusterVerification.of(verdicts, null);
    }

    private static List<Problem> problems(ClusterVerification v) {
        List<Problem> all = new ArrayList<>(v.problems());
        v.nodes().forEach(n -> all.addAll(n.allProblems()));
        return all;
    }

    /** Asserts that exactly one NPU is flagged, with one problem of the given code and verdict. */
    private static Problem onlyFault(ClusterVerification v, String node, int npu, String code, Verdict verdict) {
        for (NodeVerdict n : v.nodes()) {
            for (NpuVerdict p : n.npus()) {
                boolean faulted = n.node().equals(node) && p.index() == npu;
                assertThat(p.verdict())
                        .as(n.node() + " NPU " + p.index())
                        .isEqualTo(faulted ? verdict : Verdict.PASSED);
            }
            assertThat(n.verdict()).isEqualTo(n.node().equals(node) ? verdict : Verdict.PASSED);
        }
        assertThat(v.verdict()).isEqualTo(verdict);
        assertThat(problems(v)).singleElement().extracting(Problem::code).isEqualTo(code);
        return problems(v).get(0);
    }

    @Test
    void aHealthyClusterPassesWithoutProblems() {
        ClusterVerification v = verify(cluster(nodes -> {}));
        assertThat(v.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(problems(v)).isEmpty();
        assertThat(v.nodes().get(1).npus().get(3))
                .extracting(NpuVerdict::ip, NpuVerdict::link, NpuVerdict::health, NpuVerdict::lldpPort)
                .containsExactly("29.0.1.13", LinkState.UP, "Success", "400GE1/1/5:3");
    }

    @Test
    void marksOnlyTheNpuWhoseLinkIsDownAndNamesTheSwitchPort() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(1).links.put(3, "DOWN")));
        Problem p = onlyFault(v, "node-b", 3, "LINK_DOWN", Verdict.FAILED);
        assertThat(p.text())
                .isEqualTo(
                        "NPU 3 on node-b: link DOWN — check the optical module and cable (switch port 400GE1/1/5:3)");
        assertThat(p)
                .extracting(Problem::severity, Problem::scope, Problem::node, Problem::npu)
                .containsExactly(Severity.FAILED, Scope.NPU, "node-b", 3);
    }

    @Test
    void failsOnABadNetHealthWord() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(2).health.put(5, "Receive timeout")));
        Problem p = onlyFault(v, "node-c", 5, "NET_HEALTH_RECEIVE_TIMEOUT", Verdict.FAILED);
        assertThat(p.message()).isEqualTo("NPU 5 on node-c: net health: Receive timeout");
    }

    @Test
    void socketFailedIsAFailureToo() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(0).health.put(1, "Socket failed")));
        onlyFault(v, "node-a", 1, "NET_HEALTH_SOCKET_FAIL", Verdict.FAILED);
    }

    @Test
    void warnsOnInitWithAHint() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(0).health.put(0, "Init")));
        Problem p = onlyFault(v, "node-a", 0, "NET_HEALTH_INIT", Verdict.WARN);
        assertThat(p.hint()).isNotBlank();
    }

    @Test
    void failsWithoutGateway() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(3).noGateway.add(7)));
        Problem p = onlyFault(v, "node-d", 7, "GATEWAY_MISSING", Verdict.FAILED);
        assertThat(p.message()).isEqualTo("NPU 7 on node-d: no gateway configured");
    }

    @Test
    void warnsWhenNoLldpNeighbourIsSeen() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(1).noLldp.add(2)));
        onlyFault(v, "node-b", 2, "LLDP_NO_NEIGHBOUR", Verdict.WARN);
    }

    @Test
    void npuSmiWarningWarnsAndAlarmFails() {
        onlyFault(
                verify(cluster(nodes -> nodes.get(0).smiHealth.put(4, "Warning"))),
                "node-a",
                4,
                "NPU_HEALTH_WARNING",
                Verdict.WARN);
        onlyFault(
                verify(cluster(nodes -> nodes.get(0).smiHealth.put(4, "Alarm"))),
                "node-a",
                4,
                "NPU_HEALTH_ALARM",
                Verdict.FAILED);
    }

    @Test
    void failsWhenHccnConfDiffersFromTheLiveAddress() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(2).confAddress.put(6, "29.0.2.99")));
        Problem p = onlyFault(v, "node-c", 6, "CONF_ADDRESS_MISMATCH", Verdict.FAILED);
        assertThat(p.message()).isEqualTo("NPU 6 on node-c: hccn.conf address 29.0.2.99 differs from -ip -g 29.0.2.16");
    }

    @Test
    void failsWhenAnNpuHasNoIp() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(1).ips.remove(0)));
        onlyFault(v, "node-b", 0, "IP_MISSING", Verdict.FAILED);
    }

    @Test
    void aQueryThatStaysBusyMakesTheNpuUnknown() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(0).busyOnce.add("hccn_tool -i 2 -ip -g")));
        Problem p = onlyFault(v, "node-a", 2, "OUTPUT_UNREADABLE", Verdict.UNKNOWN);
        assertThat(p.message()).isEqualTo("NPU 2 on node-a: hccn_tool -ip -g stayed busy");
    }

    @Test
    void flagsAMissingNpuOnTheNodeAndTheNpu() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(3).smiCount = 7));
        NodeVerdict d = v.nodes().get(3);
        assertThat(d.problems()).extracting(Problem::code).containsExactly("NPU_COUNT");
        assertThat(d.problems().get(0).message()).isEqualTo("node-d: npu-smi shows 7 NPUs, the inventory says 8");
        assertThat(d.npus().get(7).problems()).extracting(Problem::code).containsExactly("NPU_ABSENT");
        assertThat(d.npus().subList(0, 7)).allMatch(n -> n.verdict() == Verdict.PASSED);
        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void warnsThatNpusAreBusyWhenProcessesRun() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(0).processes = true));
        assertThat(v.nodes().get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("NPUS_BUSY");
            assertThat(p.severity()).isEqualTo(Severity.WARN);
            assertThat(p.message()).isEqualTo("node-a: NPUs busy: processes run on NPU 0 (pid 582939)");
        });
        assertThat(v.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void anUnreachableNodeFails() {
        NodeVerdict down = NodeChecks.unreachable(new NodeFacts("node-x", 8), "connection refused");
        ClusterVerification v = ClusterVerification.of(List.of(down), null);
        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(down.reachable()).isFalse();
        assertThat(down.problems()).extracting(Problem::code).containsExactly("NODE_UNREACHABLE");
    }

    @Test
    void namesBothNodesOfADuplicateIp() {
        ClusterVerification v = verify(cluster(nodes -> nodes.get(2).ips.put(3, "29.0.0.13")));
        assertThat(v.problems())
                .extracting(Problem::message)
                .contains("duplicate NPU IP 29.0.0.13 on node-a (NPU 3) and node-c (NPU 3)");
        assertThat(v.problems())
                .filteredOn(p -> p.code().equals("DUPLICATE_IP"))
                .singleElement()
                .extracting(Problem::severity, Problem::scope)
                .containsExactly(Severity.FAILED, Scope.CLUSTER);
        assertThat(v.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void warnsWhenPeersOfOneIndexSitOnDifferentSubnets() {
        List<FakeNode> nodes = cluster(n -> n.forEach(node -> node.netmask = "255.255.255.0"));
        ClusterVerification v = verify(nodes);
        assertThat(v.problems())
                .extracting(Problem::code)
                .containsOnly("SUBNET_MISMATCH")
                .hasSize(8);
        assertThat(v.problems().get(0).message())
                .isEqualTo("NPU 0 is on different subnets across nodes: "
                        + "29.0.0.0/24 (node-a), 29.0.1.0/24 (node-b), 29.0.2.0/24 (node-c), 29.0.3.0/24 (node-d)");
        assertThat(v.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void peersInOneSixteenSubnetAreFine() {
        assertThat(ClusterChecks.subnets(verify(cluster(n -> {})).nodes())).isEmpty();
    }
}
