package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parser reads every sample of other.txt (other queries and the tool's error texts) without failing. */
class ToolErrorsTests {

    private static final String FILE = "hccn/other.txt";

    private static final List<Function<String, Outcome>> PARSERS = List.of(
            s -> IpParser.parse(s, "").outcome(),
            s -> LinkParser.parse(s, "").outcome(),
            s -> NetHealthParser.parse(s, "").outcome(),
            s -> NetdetectParser.parse(s, "").outcome(),
            s -> GatewayParser.parse(s, "").outcome(),
            s -> PingParser.parse(s, "", 1).outcome());

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void everyParserReadsEverySample(int position, Sample sample) {
        for (Function<String, Outcome> parser : PARSERS) {
            assertThatCode(() -> parser.apply(sample.text())).doesNotThrowAnyException();
        }
        assertThatCode(() -> {
                    LldpParser.parse(sample.text(), "");
                    NpuSmiParser.parse(sample.text(), "");
                    NpuListParser.parse(sample.text(), "");
                    HccnConfParser.parse(sample.text(), "");
                })
                .doesNotThrowAnyException();
        Outcome expected = switch (position) {
            case 18 -> Outcome.INVALID_DEVICE;
            case 20 -> Outcome.BUSY;
            case 3, 19 -> Outcome.ERROR;
            default -> null;
        };
        if (expected != null) {
            assertThat(PARSERS)
                    .allSatisfy(p -> assertThat(p.apply(sample.text())).isEqualTo(expected));
            assertThat(LldpParser.parse(sample.text(), "").outcome()).isEqualTo(expected);
        }
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(24);
    }

    @Test
    void missingToolIsAnError() {
        assertThat(LinkParser.parse("", "sh: hccn_tool: command not found").outcome())
                .isEqualTo(Outcome.ERROR);
    }
}
