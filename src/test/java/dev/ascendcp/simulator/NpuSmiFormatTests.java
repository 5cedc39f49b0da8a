package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** npu-smi on a simulated node has the real table layouts (shared/formats/hccn/npu_smi_info.txt). */
class NpuSmiFormatTests {

    @TempDir
    static Path keys;

    static SimulatedCluster a2;
    static SimulatedCluster a3;

    @BeforeAll
    static void start() {
        a2 = SimulatedCluster.start(
                ClusterSpec.builder(keys.resolve("a2")).nodes(1).password("pw").build());
        a3 = SimulatedCluster.start(ClusterSpec.builder(keys.resolve("a3"))
                .nodes(1)
                .npusPerNode(16)
                .password("pw")
                .build());
    }

    @AfterAll
    static void stop() {
        a2.close();
        a3.close();
    }

    /** Every column separator at the same place, frame lines identical, data cells with the sample's shapes. */
    private static void assertSameStructure(List<String> got, List<String> sample) {
        assertThat(got).hasSameSizeAs(sample);
        for (int i = 0; i < sample.size(); i++) {
            String s = sample.get(i);
            String g = got.get(i);
            assertThat(g).as("line %d", i).hasSize(s.length());
            assertThat(bars(g)).as("line %d: %s", i, g).isEqualTo(bars(s));
            if (s.startsWith("+") || s.startsWith("| NPU") || s.startsWith("| Chip") || s.startsWith("| No running")) {
                assertThat(g).as("line %d", i).isEqualTo(s);
            }
        }
    }

    private static List<Integer> bars(String line) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' || line.charAt(i) == '+') {
                at.add(i);
            }
        }
        return at;
    }

    @Test
    void a2TableMatchesTheReal910B3Sample() {
        List<String> sample = SampleShapes.lines("hccn/npu_smi_info.txt", "8x 910B3").stream()
                .filter(l -> !l.startsWith("root@"))
                .toList();
        List<String> got =
                List.of(a2.nodes().get(0).run("npu-smi info").stdout().split("\n"));
        assertSameStructure(got, sample);
        assertThat(got.get(1)).isEqualTo(sample.get(1));
        assertThat(got.get(6))
                .matches(
                        "\\| 0     910B3               \\| OK            \\| [0-9.]+ +[0-9]+ +0    / 0             \\|");
        assertThat(got.get(7))
                .matches(
                        "\\| 0                         \\| 0000:C1:00\\.0  \\| 0           0    / 0          [0-9]+ / 65536         \\|");
    }

    @Test
    void a2TableShowsHealthAndProcesses() {
        SimulatedNode node = a2.nodes().get(0);
        node.faults().npu(1).health("Warning");
        node.faults().npu(0).addProcess(new NpuProcess(582939, "", 19502));
        List<String> sample = SampleShapes.lines("hccn/npu_smi_info.txt", "WITH running processes");
        List<String> got = List.of(node.run("npu-smi info").stdout().split("\n"));
        node.faults().clear();
        assertThat(got)
                .contains(sample.get(sample.size() - 16))
                .contains("| 0       0                 | 582939        |"
                        + "                          | 19502                   |");
        assertThat(got.get(9)).startsWith("| 1     910B3               | Warning       |");
        assertThat(got).allMatch(l -> l.length() == 98);
        assertThat(got.get(7)).contains("22836/ 65536");
    }

    @Test
    void a3TableMatchesThe910CSample() {
        SimulatedNode node = a3.nodes().get(0);
        for (int die = 8; die < 16; die++) {
            node.faults().npu(die).addProcess(new NpuProcess(957687 + die, "pt_main_thread", 49207));
        }
        List<String> sample = SampleShapes.lines("hccn/npu_smi_info.txt", "Atlas A3 / 910C");
        List<String> got = List.of(node.run("npu-smi info").stdout().split("\n"));
        node.faults().clear();
        assertSameStructure(got, sample);
        assertThat(got.get(4))
                .isEqualTo(
                        "| Chip  Phy-ID              | Bus-Id        | AICore(%)   Memory-Usage(MB)  HBM-Usage(MB)        |");
        assertThat(got.get(9)).startsWith("| 0     Ascend910           | OK            | -  ");
        assertThat(got.get(10)).startsWith("| 1     1                   | 0000:9F:00.0  |");
    }

    @Test
    void listShowsTabIndentedKeyValueLines() {
        List<String> got =
                List.of(a2.nodes().get(0).run("npu-smi info -l").stdout().split("\n"));
        String total = SampleShapes.line("hccn/npu_smi_info.txt", "\tTotal Count");
        assertThat(got.get(0)).matches(SampleShapes.shape(total)).isEqualTo("\tTotal Count                    : 8");
        assertThat(got).contains("\tNPU ID                         : 7", "\tChip Count                     : 1");
        assertThat(a3.nodes().get(0).run("npu-smi info -l").stdout())
                .startsWith("\tTotal Count                    : 8\n")
                .contains("\tChip Count                     : 2\n");
    }
}
