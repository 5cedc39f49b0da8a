package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hccn_tool and /etc/hccn.conf on a simulated node print what the real tools print (shared/formats/hccn). */
class HccnToolFormatTests {

    @TempDir
    static Path keys;

    static SimulatedCluster cluster;
    static SimulatedNode a;
    static SimulatedNode b;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start(ClusterSpec.builder(keys)
                .nodes(2)
                .password("pw")
                .hccnLatency(Duration.ZERO)
                .build());
        a = cluster.nodes().get(0);
        b = cluster.nodes().get(1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @AfterEach
    void clear() {
        cluster.clearFaults();
    }

    private static List<String> lines(CommandResult r) {
        return List.of(r.stdout().split("\n"));
    }

    @Test
    void linkStatusEqualsTheRealLines() {
        String up = SampleShapes.lines("hccn/link.txt", "success (UP)").get(1);
        assertThat(a.run("hccn_tool -i 0 -link -g").stdout()).isEqualTo(up + "\n");
        a.faults().npu(0).linkDown(true);
        String down = SampleShapes.lines("hccn/link.txt", "DOWN (documented").get(0);
        assertThat(a.run("/usr/local/Ascend/driver/tools/hccn_tool -i 0 -link -g")
                        .stdout())
                .isEqualTo(down + "\n");
    }

    @Test
    void netHealthNetdetectGatewayAndIpFollowTheSamples() {
        assertThat(a.run("hccn_tool -i 0 -net_health -g").stdout())
                .isEqualTo(SampleShapes.line("hccn/net_health.txt", "net health status: Success") + "\n");
        assertThat(a.run("hccn_tool -i 3 -netdetect -g").stdout().trim())
                .matches(SampleShapes.shape(SampleShapes.line("hccn/netdetect.txt", "netdetect address:")));
        assertThat(a.run("hccn_tool -i 3 -gateway -g").stdout())
                .isEqualTo("default gateway:29.0.3.1, Iface:eth3\n")
                .matches(SampleShapes.shape(SampleShapes.line("hccn/gateway.txt", "default gateway:")) + "\n");
        List<String> ip = SampleShapes.lines("hccn/ip.txt", "success, 8 devices");
        List<String> got = lines(a.run("hccn_tool -i 0 -ip -g"));
        assertThat(got).hasSize(2);
        assertThat(got.get(0)).isEqualTo("ipaddr:29.0.0.5").matches(SampleShapes.shape(ip.get(0)));
        assertThat(got.get(1)).isEqualTo(ip.get(1));
    }

    @Test
    void errorsGoToStderrWithTheToolsTexts() {
        CommandResult invalid = a.run("hccn_tool -i 8 -ip -g");
        assertThat(invalid.stderr())
                .isEqualTo(SampleShapes.lines("hccn/other.txt", "invalid device id")
                                .get(0) + "\n");
        assertThat(invalid.exitStatus()).isNotZero();
        assertThat(invalid.stdout()).isEmpty();
        a.faults().npu(1).noGateway(true);
        CommandResult gw = a.run("hccn_tool -i 1 -gateway -g");
        assertThat(gw.stderr())
                .isEqualTo(SampleShapes.lines("hccn/gateway.txt", "failure message")
                                .get(0) + "\n");
        assertThat(gw.exitStatus()).isNotZero();
        a.faults().npu(2).noIp(true);
        CommandResult noIp = a.run("hccn_tool -i 2 -ip -g");
        assertThat(noIp.stderr())
                .isEqualTo(SampleShapes.lines("hccn/ip.txt", "no IP configured").get(0) + "\n");
        assertThat(a.run("hccn_tool -i 2 -netdetect -g").stdout()).isEqualTo("netdetect address: 0.0.0.0\n");
        assertThat(a.run("hccn_tool -i 2 -net_health -g").stdout()).isEqualTo("net health status: Init\n");
    }

    @Test
    void lldpUsesTheLldptoolLayoutWithTabIndentedValues() {
        List<String> sample = SampleShapes.lines("hccn/lldp.txt", "filtered with `| grep Ifname`");
        CommandResult r = a.run("for i in 0 1 2 3 4 5 6 7; do hccn_tool -i $i -lldp -g | grep Ifname; done");
        List<String> got = lines(r);
        assertThat(got).hasSameSizeAs(sample);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).matches(SampleShapes.shape(sample.get(i)));
        }
        List<String> headers = SampleShapes.lines("hccn/lldp.txt", "success (neighbour").stream()
                .filter(l -> l.endsWith(" TLV"))
                .toList();
        List<String> full = lines(a.run("hccn_tool -i 3 -lldp -g"));
        assertThat(full.stream().filter(l -> l.endsWith(" TLV")).toList()).containsSubsequence(headers);
        assertThat(full).contains("\tIfname: 400GE1/2/1:2", "\tEnabled capabilities: Bridge, Router", "\t9216");
        a.faults().npu(3).noLldp(true);
        assertThat(a.run("hccn_tool -i 3 -lldp -g").stdout()).isEmpty();
    }

    @Test
    void pingLinesHaveTheShapesOfTheRealOnes() {
        List<String> sample =
                SampleShapes.lines("hccn/ping.txt", "success (3/3)").subList(1, 6);
        CommandResult r = a.run("hccn_tool -i 3 -ping -g address " + b.npuIp(3));
        List<String> got = lines(r);
        assertThat(got.get(0)).isEqualTo("device 3 PING 29.0.3.6");
        assertThat(got).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(got.get(i)).matches(SampleShapes.shape(sample.get(i)));
        }
        assertThat(got.get(4)).isEqualTo("3 packets transmitted, 3 received, 0.00% packet loss");
        assertThat(r.exitStatus()).isZero();
    }

    @Test
    void partialAndTotalLossPrintTimeoutsAndFail() {
        b.faults().npu(0).packetLossPercent(34);
        CommandResult partial = a.run("hccn_tool -i 0 -ping -g address " + b.npuIp(0));
        assertThat(lines(partial))
                .containsExactly(
                        "device 0 PING 29.0.0.6",
                        "recv time out seq=0",
                        lines(partial).get(2),
                        lines(partial).get(3),
                        "3 packets transmitted, 2 received, 33.33% packet loss");
        assertThat(lines(partial).get(2)).matches(SampleShapes.shape("recv seq=1,time=0.097000ms"));
        assertThat(lines(partial).get(4))
                .matches(SampleShapes.shape(SampleShapes.line("hccn/ping.txt", "3 packets transmitted, 2")));
        assertThat(partial.exitStatus()).isNotZero();
        CommandResult unknown = a.run("hccn_tool -i 0 -ping -g address 29.0.0.200 pkt 4");
        assertThat(lines(unknown))
                .containsExactly(
                        "device 0 PING 29.0.0.200",
                        "recv time out seq=0",
                        "recv time out seq=1",
                        "recv time out seq=2",
                        "recv time out seq=3",
                        "4 packets transmitted, 0 received, 100.00% packet loss");
        assertThat(unknown.exitStatus()).isNotZero();
    }

    @Test
    void hccnConfHasTheKeysOfTheRealFile() {
        List<String> sample =
                SampleShapes.lines("hccn/hccn_conf.txt", "typical A2 file").subList(1, 6);
        List<String> got = lines(a.run("cat /etc/hccn.conf"));
        assertThat(got).hasSize(40);
        for (int i = 0; i < 5; i++) {
            assertThat(got.get(i)).matches(SampleShapes.shape(sample.get(i).replace("255.255.0.0", "255.255.255.0")));
        }
        assertThat(got.subList(0, 5))
                .containsExactly(
                        "address_0=29.0.0.5",
                        "netmask_0=255.255.255.0",
                        "netdetect_0=29.0.0.1",
                        "gateway_0=29.0.0.1",
                        "send_arp_status_0=1");
        a.faults().npu(1).confAddress("29.0.1.99");
        assertThat(a.run("grep address_1 /etc/hccn.conf").stdout()).isEqualTo("address_1=29.0.1.99\n");
        assertThat(a.run("hccn_tool -i 1 -ip -g").stdout()).startsWith("ipaddr:29.0.1.5\n");
    }
}
