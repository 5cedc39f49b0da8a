package dev.ascendcp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.support.FormatSamples.Sample;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HccnConfParserTests {

    private static final String FILE = "hccn/hccn_conf.txt";

    static Stream<Arguments> samples() {
        return Samples.of(FILE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    void readsEverySample(int position, Sample sample) {
        HccnConf conf = HccnConfParser.parse(sample.text(), "");
        switch (position) {
            case 1 -> {
                assertThat(conf.devices()).containsOnlyKeys(0, 7);
                assertThat(conf.devices().get(0))
                        .isEqualTo(new HccnConfEntry(
                                0, "29.1.137.205", "255.255.0.0", "29.1.0.1", "29.1.0.1", "1", Map.of()));
                assertThat(conf.devices().get(7).address()).isEqualTo("29.1.170.143");
            }
            case 2 -> {
                assertThat(conf.devices()).hasSize(8);
                assertThat(conf.devices().get(5).other()).containsEntry("tls_enable", "0");
                assertThat(conf.devices().get(7).address()).isEqualTo("127.0.0.223");
            }
            case 3 -> {
                assertThat(conf.devices()).hasSize(16);
                HccnConfEntry die0 = conf.devices().get(0);
                assertThat(die0.netmask()).isEqualTo("255.255.128.0");
                assertThat(die0.netdetect()).isEqualTo("127.0.0.1");
                assertThat(die0.other()).containsEntry("arp", "-i eth0 -s 127.0.0.114 bc:1e:85:d8:ca:dd");
                assertThat(conf.devices().get(15).address()).isEqualTo("127.0.0.94");
            }
            case 4 -> {
                assertThat(conf.devices()).containsOnlyKeys(0, 1, 2, 3);
                assertThat(conf.devices().get(3).address()).isEqualTo("127.0.0.67");
                assertThat(conf.devices().get(3).netmask()).isNull();
            }
            case 5 -> {
                assertThat(conf.devices()).containsOnlyKeys(1);
                assertThat(conf.devices().get(1).address()).isNull();
                assertThat(conf.devices().get(1).other())
                        .containsEntry("xsfp_reset_max_times", "0")
                        .containsEntry("xsfp_reset_wait_times", "7");
            }
            case 6 -> assertThat(conf.devices().get(0).address()).isEqualTo("xx.xx.xx.xx");
            case 7 -> {
                assertThat(conf.outcome()).isEqualTo(Outcome.ERROR);
                assertThat(conf.devices()).isEmpty();
            }
            default -> throw new AssertionError("new sample " + position + ": add its expectation");
        }
        if (position != 7) {
            assertThat(conf.outcome()).isEqualTo(Outcome.OK);
        }
    }

    @Test
    void coversEverySampleOfTheFile() {
        assertThat(Samples.count(FILE)).isEqualTo(7);
    }

    @Test
    void missingFileIsNotSet() {
        HccnConf conf = HccnConfParser.parse("", "cat: /etc/hccn.conf: No such file or directory");
        assertThat(conf.outcome()).isEqualTo(Outcome.NOT_SET);
    }

    @Test
    void keysInAnyOrder() {
        HccnConf conf = HccnConfParser.parse("gateway_2=10.0.0.1\naddress_1=10.0.0.6\naddress_2=10.0.0.5\n", "");
        assertThat(conf.devices().keySet()).containsExactly(1, 2);
        assertThat(conf.devices().get(2).gateway()).isEqualTo("10.0.0.1");
    }
}
