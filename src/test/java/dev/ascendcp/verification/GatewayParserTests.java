package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GatewayParserTests {

    private static final String FILE = "hccn/gateway.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        GatewayInfo info = GatewayParser.parse(sample.text(), "");
        switch (position) {
            case 1 ->
                assertThat(info)
                        .extracting(GatewayInfo::outcome, GatewayInfo::gateway, GatewayInfo::iface)
                        .containsExactly(Outcome.OK, "11.12.165.1", "eth0");
            case 2, 5 -> assertThat(info.outcome()).isEqualTo(Outcome.UNKNOWN);
            case 3, 4 ->
                assertThat(info)
                        .extracting(GatewayInfo::outcome, GatewayInfo::gateway)
                        .containsExactly(Outcome.NOT_SET, null);
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(5);
    }

    @Test
    void noGatewayOnStderrIsNotSet() {
        GatewayInfo info = GatewayParser.parse("", "Get gateway failed, because no gateway was preset there!\n");
        assertThat(info.outcome()).isEqualTo(Outcome.NOT_SET);
    }
}
