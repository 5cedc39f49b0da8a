package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LldpParserTests {

    private static final String FILE = "hccn/lldp.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        LldpInfo info = LldpParser.parse(sample.text(), "");
        assertThat(info.outcome()).isEqualTo(Outcome.OK);
        switch (position) {
            case 1 -> {
                assertThat(info.port()).isEqualTo("400GE1/1/20:2");
                assertThat(info.chassisId()).isNull();
                assertThat(info.systemDescription()).isEqualTo("Versatile Routing Platform Software");
                assertThat(info.managementAddress()).isEqualTo("26.xx.xx.xx");
            }
            case 2 -> assertThat(info.port()).isEqualTo("400GE1/1/5:1");
            case 3 -> assertThat(info.port()).isEqualTo("200GE1/0/1");
            case 4 -> {
                assertThat(info.port()).isEqualTo("eth0");
                assertThat(info.systemName()).isEqualTo("switch-01");
            }
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(4);
    }

    @Test
    void readsAFullTabIndentedDump() {
        String dump = "Chassis ID TLV\n\tMAC: 44:31:92:6b:5e:fc\nPort ID TLV\n\tIfname: 400GE1/1/5:2\n"
                + "Time to Live TLV\n\t120\nSystem Name TLV\n\tleaf-07\nManagement Address TLV\n"
                + "\tIPv4: 10.1.2.3\n\tIfindex: 5\nEnd of LLDPDU TLV\n";
        LldpInfo info = LldpParser.parse(dump, "");
        assertThat(info)
                .extracting(LldpInfo::port, LldpInfo::chassisId, LldpInfo::systemName, LldpInfo::managementAddress)
                .containsExactly("400GE1/1/5:2", "44:31:92:6b:5e:fc", "leaf-07", "10.1.2.3");
    }

    @Test
    void emptyOutputMeansNoNeighbour() {
        LldpInfo info = LldpParser.parse("", "");
        assertThat(info.outcome()).isEqualTo(Outcome.NOT_SET);
        assertThat(info.neighbourSeen()).isFalse();
    }

    @Test
    void errorTextIsAnError() {
        assertThat(LldpParser.parse("", "Cmd execute failed!").outcome()).isEqualTo(Outcome.ERROR);
    }
}
