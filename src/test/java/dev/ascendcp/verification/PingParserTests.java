package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PingParserTests {

    private static final String FILE = "hccn/ping.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        PingOutput out = PingParser.parse(sample.text(), "", 0);
        switch (position) {
            case 1 -> {
                assertCounts(out, 3, 3, 0.0);
                assertThat(out.device()).isEqualTo(3);
                assertThat(out.target()).isEqualTo("29.1.137.205");
                assertThat(out.replies()).extracting(PingReply::seq).containsExactly(0, 1, 2);
                assertThat(out.avgRttMs()).isCloseTo((1.418 + 0.034 + 0.040) / 3, within(1e-9));
                assertThat(out.clean()).isTrue();
            }
            case 2 -> {
                List<PingOutput> all = PingParser.parseAll(sample.text());
                assertThat(all).hasSize(8);
                assertThat(all).extracting(PingOutput::device).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
                assertThat(all).allSatisfy(p -> assertCounts(p, 3, 3, 0.0));
                assertThat(all.get(7).replies()).hasSize(3);
            }
            case 3 -> {
                assertCounts(out, 3, 3, 0.0);
                assertThat(out.target()).isEqualTo("10.10.100.10");
            }
            case 4 -> {
                assertCounts(out, 3, 2, 33.33);
                assertThat(out.replies()).extracting(PingReply::lost).containsExactly(true, false, false);
                assertThat(out.avgRttMs()).isCloseTo((0.097 + 0.066) / 2, within(1e-9));
                assertThat(out.clean()).isFalse();
            }
            case 5 -> {
                assertCounts(out, 3, 0, 100.0);
                assertThat(out.avgRttMs()).isNull();
            }
            case 6, 7, 8 -> assertThat(out.outcome()).isEqualTo(Outcome.UNKNOWN);
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
    }

    private static void assertCounts(PingOutput out, int sent, int received, double loss) {
        assertThat(out.outcome()).isEqualTo(Outcome.OK);
        assertThat(out.transmitted()).isEqualTo(sent);
        assertThat(out.received()).isEqualTo(received);
        assertThat(out.lossPercent()).isEqualTo(loss);
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(8);
    }

    @Test
    void keepsTheExitStatus() {
        PingOutput out = PingParser.parse(
                "device 0 PING 29.0.0.2\nrecv time out seq=0\nrecv time out seq=1\nrecv time out seq=2\n"
                        + "3 packets transmitted, 0 received, 100.00% packet loss\n",
                "", 1);
        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.lossPercent()).isEqualTo(100.0);
        assertThat(out.replies()).allMatch(PingReply::lost);
    }

    @Test
    void unreachableHostIsNotClean() {
        PingOutput out = PingParser.parse("device 0 PING 29.0.0.2\nDestination Host Unreachable\n", "", 1);
        assertThat(out.outcome()).isEqualTo(Outcome.OK);
        assertThat(out.unreachable()).isTrue();
        assertThat(out.clean()).isFalse();
    }

    @Test
    void busyIsBusy() {
        assertThat(PingParser.parse("", "hccn_tool is busy, please try again.", 1)
                        .outcome())
                .isEqualTo(Outcome.BUSY);
    }
}
