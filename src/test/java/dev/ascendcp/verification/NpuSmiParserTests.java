package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpuSmiParserTests {

    private static final String FILE = "hccn/npu_smi_info.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        NpuSmiInfo info = NpuSmiParser.parse(sample.text(), "");
        NpuList list = NpuListParser.parse(sample.text(), "");
        switch (position) {
            case 1 -> {
                assertTable(info, "23.0.7", 8);
                assertThat(info.chips().get(0))
                        .isEqualTo(new NpuChip(
                                0,
                                0,
                                null,
                                "910B3",
                                NpuHealth.OK,
                                "OK",
                                "0000:C1:00.0",
                                102.8,
                                55,
                                0,
                                0,
                                0,
                                3338,
                                65536));
                assertThat(info.chips()).extracting(NpuChip::deviceIndex).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
                assertThat(info.processes()).isEmpty();
            }
            case 2 -> {
                assertTable(info, "24.1.rc3", 8);
                assertThat(info.chips().get(0).hbmUsedMb()).isEqualTo(22283);
                assertThat(info.chips().get(6).aicorePercent()).isEqualTo(82);
                assertThat(info.processes()).extracting(NpuProcess::npuId).containsExactly(0, 1, 6, 7);
                assertThat(info.processes().get(0)).isEqualTo(new NpuProcess(0, 0, 582939, "", 19502, "MB", null));
            }
            case 3 -> {
                assertTable(info, "24.1.rc3.3", 16);
                assertThat(info.chips())
                        .extracting(NpuChip::deviceIndex)
                        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
                NpuChip die1 = info.chips().get(1);
                assertThat(die1.npuId()).isZero();
                assertThat(die1.chipId()).isEqualTo(1);
                assertThat(die1.powerW()).isNull();
                assertThat(die1.name()).isEqualTo("Ascend910");
                assertThat(info.processes()).hasSize(8);
                assertThat(info.deviceIndexOf(info.processes().get(1))).isEqualTo(9);
            }
            case 4 -> {
                assertTable(info, "23.0.rc1.b070", 4);
                assertThat(info.chips()).extracting(NpuChip::health).containsOnly(NpuHealth.WARNING);
                assertThat(info.chips().get(0).memoryTotalMb()).isEqualTo(15137);
                assertThat(info.chips().get(2).hbmUsedMb()).isEqualTo(30750);
                assertThat(info.processes()).isEmpty();
            }
            case 5 -> {
                assertTable(info, "23.0.rc2", 3);
                assertThat(info.chips()).extracting(NpuChip::npuId).containsExactly(0, 1, 7);
            }
            case 6 -> {
                assertTable(info, "23.0.5", 2);
                assertThat(info.chips()).extracting(NpuChip::health).containsExactly(NpuHealth.WARNING, NpuHealth.OK);
            }
            case 7 -> {
                assertTable(info, "xxx.xxx.xxx", 2);
                assertThat(info.chips()).extracting(NpuChip::chipId).containsExactly(0, 1);
                assertThat(info.processes()).isEmpty();
            }
            case 8 -> {
                assertThat(info.outcome()).isEqualTo(Outcome.OK);
                assertThat(info.chips())
                        .singleElement()
                        .extracting(NpuChip::name)
                        .isEqualTo("910B3");
            }
            case 9 -> {
                assertThat(list.totalCount()).isEqualTo(1);
                assertThat(list.entries())
                        .containsExactly(
                                new NpuListEntry(8, "IT21PDDA01", "033VNY10MB000071", 1),
                                new NpuListEntry(0, null, null, 2));
                assertThat(info.outcome()).isEqualTo(Outcome.UNKNOWN);
            }
            case 10 -> {
                assertThat(list.totalCount()).isEqualTo(2);
                assertThat(list.entries()).extracting(NpuListEntry::npuId).containsExactly(0, 3);
                assertThat(list.entries().get(1).serialNumber()).isEqualTo("serial-3");
            }
            case 11 -> {
                assertThat(list.totalCount()).isEqualTo(4);
                assertThat(list.entries()).containsExactly(new NpuListEntry(1, "IT22PDHC", "1025BB058015", null));
            }
            case 12, 14 -> assertThat(info.outcome()).isEqualTo(Outcome.UNKNOWN);
            case 13 -> assertThat(info.outcome()).isEqualTo(Outcome.ERROR);
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
    }

    private static void assertTable(NpuSmiInfo info, String version, int chips) {
        assertThat(info.outcome()).isEqualTo(Outcome.OK);
        assertThat(info.version()).isEqualTo(version);
        assertThat(info.deviceCount()).isEqualTo(chips);
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(14);
    }

    @Test
    void readsTheMemoryUnitOfThe910aProcessTable() {
        String table = "| NPU     Chip         | Process id    | Process name             | Process memory(B)       |\n"
                + "| 0       0            | 1234          | python                   | 4096                    |\n";
        assertThat(NpuSmiParser.parse(table, "").processes())
                .containsExactly(new NpuProcess(0, 0, 1234, "python", 4096, "B", null));
    }

    @Test
    void readsThePidInContainerColumn() {
        String table =
                "| NPU     Chip       | Process id    | Process name| Process memory(MB) |Process id in container|\n"
                        + "| 0       0          | 4321          | python      | 100                | 17                    |\n";
        assertThat(NpuSmiParser.parse(table, "").processes().get(0).pidInContainer())
                .isEqualTo(17L);
    }
}
