package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetdetectParserTests {

    private static final String FILE = "hccn/netdetect.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        NetdetectInfo info = NetdetectParser.parse(sample.text(), "");
        switch (position) {
            case 1 -> {
                assertThat(info.outcome()).isEqualTo(Outcome.OK);
                assertThat(info.address()).isEqualTo("11.12.165.1");
            }
            case 2 -> {
                assertThat(info.outcome()).isEqualTo(Outcome.NOT_SET);
                assertThat(info.configured()).isFalse();
            }
            case 3, 4 -> assertThat(info.outcome()).isEqualTo(Outcome.UNKNOWN);
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(4);
    }

    @Test
    void readsTheNewToolsShortKey() {
        assertThat(NetdetectParser.parse("netdetect addr: 192.168.2.11\n", "").address())
                .isEqualTo("192.168.2.11");
    }
}
