package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionScriptTests {

    @Test
    void spreadsEightNpusOverFourLanesWithAllQueriesOfAnNpuInOneLane() {
        NodeScript script = CollectionScript.forNode(8);
        assertThat(script.lanes()).hasSize(4);
        assertThat(script.sections()).hasSize(2 + 8 * 6);
        assertThat(script.lanes().get(0))
                .startsWith("echo '@@acp begin npu_smi -'; npu-smi info 2>&1; echo \"@@acp end npu_smi - rc=$?\"; ")
                .contains("cat /etc/hccn.conf 2>&1")
                .contains("hccn_tool -i 0 -ip -g 2>&1", "hccn_tool -i 4 -lldp -g 2>&1")
                .doesNotContain("-i 1 ");
        assertThat(script.lanes().get(3))
                .contains("-i 3 -link -g", "-i 7 -net_health -g")
                .doesNotContain("-i 0 ");
    }

    @Test
    void usesOnlySequencingRedirectionsAndEcho() {
        for (String lane : CollectionScript.forNode(16).lanes()) {
            assertThat(lane).doesNotContain("(", ")", "{", "}", "`", "&&", "||", " & ", "|");
        }
    }

    @Test
    void concurrencyOneGivesOneSequentialLine() {
        NodeScript script = CollectionScript.forNode(2, 1, "hccn_tool", "npu-smi");
        assertThat(script.lanes()).singleElement().isEqualTo(script.singleLine());
    }

    @Test
    void acceptsTheDriverPathOfTheTool() {
        NodeScript script = CollectionScript.forNode(1, 4, "/usr/local/Ascend/driver/tools/hccn_tool", "npu-smi");
        assertThat(script.singleLine()).contains("/usr/local/Ascend/driver/tools/hccn_tool -i 0 -gateway -g");
    }

    @Test
    void rejectsAToolPathThatCouldInjectCommands() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CollectionScript.forNode(1, 4, "hccn_tool; rm -rf /", "npu-smi"));
    }

    @Test
    void demultiplexesEveryQueryOfEveryNpu() {
        FakeNode node = new FakeNode("node-a", 8, 0);
        NodeCollection c = NodeCollector.collect(8, node.run(CollectionScript.forNode(8)));
        assertThat(c.missing()).isEmpty();
        assertThat(c.busy()).isEmpty();
        assertThat(c.npuSmi().deviceCount()).isEqualTo(8);
        assertThat(c.hccnConf().devices()).hasSize(8);
        assertThat(c.npus())
                .extracting(q -> q.ip().address())
                .containsExactly(
                        "29.0.0.10",
                        "29.0.0.11",
                        "29.0.0.12",
                        "29.0.0.13",
                        "29.0.0.14",
                        "29.0.0.15",
                        "29.0.0.16",
                        "29.0.0.17");
        assertThat(c.npus().get(5).lldp().port()).isEqualTo("400GE1/1/5:5");
        assertThat(c.npus().get(5).gateway().iface()).isEqualTo("eth5");
    }

    @Test
    void reportsBusySectionsAndARetryReplacesThem() {
        FakeNode node = new FakeNode("node-a", 4, 0);
        node.busyOnce.add("hccn_tool -i 2 -link -g");
        List<Section> first = SectionDemux.split(node.run(CollectionScript.forNode(4)));
        NodeCollection c = NodeCollector.collect(4, first);
        assertThat(c.busy()).containsExactly(SectionKey.npu(Query.LINK, 2));
        assertThat(c.npus().get(2).link().outcome()).isEqualTo(Outcome.BUSY);

        NodeScript retry = CollectionScript.retry(c.busy(), 4, "hccn_tool", "npu-smi");
        assertThat(retry.singleLine())
                .isEqualTo("echo '@@acp begin link 2'; hccn_tool -i 2 -link -g 2>&1; echo \"@@acp end link 2 rc=$?\"");
        List<Section> merged = SectionDemux.merge(first, SectionDemux.split(node.run(retry)));
        NodeCollection again = NodeCollector.collect(4, merged);
        assertThat(again.busy()).isEmpty();
        assertThat(again.npus().get(2).link().state()).isEqualTo(LinkState.UP);
    }

    @Test
    void aSectionCutOffBeforeItsEndIsMissing() {
        String output =
                "@@acp begin link 0\nlink status: UP\n@@acp end link 0 rc=0\n@@acp begin ip 0\nipaddr:1.2.3.4\n";
        List<Section> sections = SectionDemux.split(output);
        assertThat(sections)
                .containsExactly(
                        new Section(SectionKey.npu(Query.LINK, 0), "link status: UP", 0, true),
                        new Section(SectionKey.npu(Query.IP, 0), "ipaddr:1.2.3.4\n", null, false));
        NodeCollection c = NodeCollector.collect(1, sections);
        assertThat(c.missing()).contains(SectionKey.npu(Query.IP, 0), SectionKey.node(Query.NPU_SMI));
        assertThat(c.npus().get(0).ip().outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(c.npus().get(0).link().state()).isEqualTo(LinkState.UP);
    }

    @Test
    void ignoresTextOutsideMarkersAndCarriageReturns() {
        List<Section> sections =
                SectionDemux.split("motd line\r\n@@acp begin gateway 1\r\nGet gateway failed, because no gateway was "
                        + "preset there!\r\n@@acp end gateway 1 rc=1\r\n");
        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.exitCode()).isEqualTo(1);
            assertThat(GatewayParser.parse(s.output(), "").outcome()).isEqualTo(Outcome.NOT_SET);
        });
    }
}
