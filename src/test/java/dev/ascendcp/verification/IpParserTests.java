package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IpParserTests {

    private static final String FILE = "hccn/ip.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        IpInfo info = IpParser.parse(sample.text(), "");
        switch (position) {
            case 1 -> assertV4(info, "29.1.112.213", "255.255.0.0");
            case 2 -> assertV4(info, "11.12.165.80", "255.255.255.0");
            case 3 -> assertV4(info, "10.xx.xx.10", "255.255.255.0");
            case 4 -> assertV4(info, "10.10.0.10", "255.255.255.0");
            case 5 -> {
                assertThat(info.outcome()).isEqualTo(Outcome.OK);
                assertThat(info.address()).isNull();
                assertThat(info.ipv6Address()).isEqualTo("2001:db8::1");
                assertThat(info.prefixLength()).isEqualTo(64);
            }
            case 6, 7 -> {
                assertThat(info.outcome()).isEqualTo(Outcome.NOT_SET);
                assertThat(info.address()).isNull();
            }
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
    }

    private static void assertV4(IpInfo info, String address, String netmask) {
        assertThat(info.outcome()).isEqualTo(Outcome.OK);
        assertThat(info.address()).isEqualTo(address);
        assertThat(info.netmask()).isEqualTo(netmask);
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(7);
    }

    @Test
    void noIpOnStderrIsNotSet() {
        assertThat(IpParser.parse("", "Get ipconf failed, because no ip was preset there!")
                        .outcome())
                .isEqualTo(Outcome.NOT_SET);
    }

    @Test
    void busyIsBusy() {
        assertThat(IpParser.parse("hccn_tool is busy, please try again.\n", "").outcome())
                .isEqualTo(Outcome.BUSY);
    }
}
