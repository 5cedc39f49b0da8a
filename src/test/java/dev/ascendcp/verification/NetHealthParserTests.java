package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NetHealthParserTests {

    private static final String FILE = "hccn/net_health.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        NetHealthInfo info = NetHealthParser.parse(sample.text(), "");
        switch (position) {
            case 1 -> assertHealth(info, NetHealth.FAULT, "Fault");
            case 2, 3, 8 -> assertHealth(info, NetHealth.SUCCESS, "Success");
            case 4, 5 -> assertHealth(info, NetHealth.INIT, "Init");
            case 6 -> assertHealth(info, NetHealth.SOCKET_FAIL, "Socket failed");
            case 7, 9, 10, 11 -> assertThat(info.outcome()).isEqualTo(Outcome.UNKNOWN);
            case 12 -> assertHealth(info, NetHealth.OTHER, "Healthy");
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
    }

    private static void assertHealth(NetHealthInfo info, NetHealth health, String word) {
        assertThat(info.outcome()).isEqualTo(Outcome.OK);
        assertThat(info.health()).isEqualTo(health);
        assertThat(info.word()).isEqualTo(word);
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource({
        "Success,SUCCESS",
        "Socket fail,SOCKET_FAIL",
        "Socket failed,SOCKET_FAIL",
        "Receive timeout,RECEIVE_TIMEOUT",
        "Unreachable,UNREACHABLE",
        "Time exceeded,TIME_EXCEEDED",
        "Fault,FAULT",
        "Init,INIT",
        "Thread error,THREAD_ERROR",
        "Detect ip set,DETECT_IP_SET",
        "Unknown,UNKNOWN"
    })
    void mapsTheWholeVocabularyKeepingTheWord(String word, NetHealth health) {
        NetHealthInfo info = NetHealthParser.parse("net health status: " + word + "\n", "");
        assertHealth(info, health, word);
    }
}
