package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinkParserTests {

    private static final String FILE = "hccn/link.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        LinkInfo info = LinkParser.parse(sample.text(), "");
        assertThat(info.raw()).isEqualTo(sample.text());
        switch (position) {
            case 1, 2, 3, 7 ->
                assertThat(info)
                        .extracting(LinkInfo::outcome, LinkInfo::state)
                        .containsExactly(Outcome.OK, LinkState.UP);
            case 4, 6 ->
                assertThat(info)
                        .extracting(LinkInfo::outcome, LinkInfo::state)
                        .containsExactly(Outcome.OK, LinkState.DOWN);
            case 5 ->
                assertThat(info)
                        .extracting(LinkInfo::outcome, LinkInfo::state)
                        .containsExactly(Outcome.UNKNOWN, LinkState.UNKNOWN);
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(7);
    }

    @Test
    void busyAnswerOnStderrIsBusy() {
        assertThat(LinkParser.parse("", "hccn_tool is busy, please try again.").outcome())
                .isEqualTo(Outcome.BUSY);
    }

    @Test
    void invalidDeviceIsReported() {
        assertThat(LinkParser.parse("", "Get invalid device id.").outcome()).isEqualTo(Outcome.INVALID_DEVICE);
    }

    @Test
    void garbageIsUnknownWithRawKept() {
        LinkInfo info = LinkParser.parse("weird", "stuff");
        assertThat(info.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(info.raw()).isEqualTo("weird\nstuff");
    }
}
