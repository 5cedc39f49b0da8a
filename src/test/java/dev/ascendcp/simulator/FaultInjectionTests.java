package dev.ascendcp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults change exactly what they target, immediately. */
class FaultInjectionTests {

    @TempDir
    static Path keys;

    static SimulatedCluster cluster;
    static SimulatedNode a;
    static SimulatedNode b;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start(ClusterSpec.builder(keys)
                .nodes(3)
                .password("pw")
                .hccnLatency(Duration.ofMillis(5))
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
        cluster.nodes().forEach(n -> {
            if (!n.isRunning()) {
                n.start();
            }
        });
    }

    private static String linkAll(SimulatedNode n) {
        return n.run("for i in 0 1 2 3 4 5 6 7; do hccn_tool -i $i -link -g; done")
                .stdout();
    }

    @Test
    void linkDownChangesOnlyTheTargetedNpu() {
        b.faults().npu(3).linkDown(true);
        assertThat(linkAll(b).split("\n"))
                .containsExactly(
                        "link status: UP",
                        "link status: UP",
                        "link status: UP",
                        "link status: DOWN",
                        "link status: UP",
                        "link status: UP",
                        "link status: UP",
                        "link status: UP");
        assertThat(linkAll(a)).doesNotContain("DOWN");
        assertThat(b.run("hccn_tool -i 3 -net_health -g").stdout()).isEqualTo("net health status: Fault\n");
        assertThat(b.run("hccn_tool -i 2 -net_health -g").stdout()).isEqualTo("net health status: Success\n");
        assertThat(b.faults().isClear()).isFalse();
    }

    @Test
    void pingsFailToAndFromALinkDownNpuOnly() {
        b.faults().npu(3).linkDown(true);
        assertThat(a.run("hccn_tool -i 3 -ping -g address " + b.npuIp(3)).exitStatus())
                .isNotZero();
        assertThat(b.run("hccn_tool -i 3 -ping -g address " + a.npuIp(3)).stdout())
                .contains("100.00% packet loss");
        assertThat(a.run("hccn_tool -i 2 -ping -g address " + b.npuIp(2)).exitStatus())
                .isZero();
        assertThat(a.run("hccn_tool -i 3 -ping -g address "
                                + cluster.nodes().get(2).npuIp(3))
                        .exitStatus())
                .isZero();
    }

    @Test
    void pingsToAPoweredOffNodeFail() {
        b.stop();
        assertThat(a.run("hccn_tool -i 0 -ping -g address " + b.npuIp(0)).stdout())
                .contains(", 0 received, 100.00%");
        b.start();
        assertThat(a.run("hccn_tool -i 0 -ping -g address " + b.npuIp(0)).exitStatus())
                .isZero();
    }

    @Test
    void everyNetHealthWordCanBeInjected() {
        for (String word : List.of(
                "Success",
                "Socket fail",
                "Receive timeout",
                "Unreachable",
                "Time exceeded",
                "Fault",
                "Init",
                "Thread error",
                "Detect ip set",
                "Unknown")) {
            a.faults().npu(5).netHealth(word);
            assertThat(a.run("hccn_tool -i 5 -net_health -g").stdout()).isEqualTo("net health status: " + word + "\n");
        }
    }

    @Test
    void duplicateIpAndWrongConfAddressAreVisible() {
        b.faults().npu(0).ipOverride(a.npuIp(0));
        assertThat(b.run("hccn_tool -i 0 -ip -g").stdout()).startsWith("ipaddr:" + a.npuIp(0) + "\n");
        assertThat(cluster.npusWithIp(a.npuIp(0))).hasSize(2);
        b.faults().npu(1).confAddress("29.0.1.250");
        assertThat(b.run("grep '^address_1=' /etc/hccn.conf").stdout()).isEqualTo("address_1=29.0.1.250\n");
        assertThat(b.run("hccn_tool -i 1 -ip -g | grep ipaddr").stdout()).isEqualTo("ipaddr:29.0.1.6\n");
    }

    @Test
    void noIpRemovesTheNpuFromHccnConf() {
        a.faults().npu(4).noIp(true);
        String conf = a.run("cat /etc/hccn.conf").stdout();
        assertThat(conf).doesNotContain("address_4=").contains("address_3=", "address_5=");
        a.faults().npu(5).noGateway(true);
        assertThat(a.run("cat /etc/hccn.conf").stdout())
                .doesNotContain("gateway_5=")
                .contains("netdetect_5=");
    }

    @Test
    void tooManyConcurrentCallsAreBusy() throws Exception {
        SimulatedNode c = cluster.nodes().get(2);
        c.faults().extraLatency(Duration.ofMillis(1500));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int dev = i;
                results.add(pool.submit(() -> c.run("hccn_tool -i " + dev + " -link -g")));
            }
            int busy = 0;
            int ok = 0;
            for (Future<CommandResult> f : results) {
                CommandResult r = f.get();
                if (r.stderr().equals("hccn_tool is busy, please try again.\n")) {
                    assertThat(r.exitStatus()).isNotZero();
                    assertThat(r.stdout()).isEmpty();
                    busy++;
                } else {
                    assertThat(r.stdout()).isEqualTo("link status: UP\n");
                    ok++;
                }
            }
            assertThat(busy).isPositive();
            assertThat(ok).isBetween(1, 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void busyProbabilityOneMakesEveryCallBusy() {
        a.faults().busyProbability(1);
        CommandResult r = a.run("hccn_tool -i 0 -link -g");
        assertThat(r.stderr()).isEqualTo("hccn_tool is busy, please try again.\n");
        assertThat(r.exitStatus()).isNotZero();
    }

    @Test
    void slowAndHangingToolsAreSlowAndHang() {
        a.faults().extraLatency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(a.run("hccn_tool -i 0 -link -g").stdout()).isEqualTo("link status: UP\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        a.faults().hang(true);
        assertThat(a.run("timeout 0.5 hccn_tool -i 0 -link -g; echo $?").stdout())
                .isEqualTo("124\n");
        assertThat(a.run("timeout 0.5 npu-smi info; echo $?").stdout()).isEqualTo("124\n");
    }

    @Test
    void npuHealthAndClearFaults() {
        a.faults().npu(2).health("Alarm");
        assertThat(a.run("npu-smi info -t health -i 2 -c 0").stdout())
                .startsWith("\tHealth Status                  : Alarm\n");
        assertThat(a.run("npu-smi info").stdout()).contains("| 2     910B3               | Alarm         |");
        cluster.clearFaults();
        assertThat(a.faults().isClear()).isTrue();
        assertThat(a.run("npu-smi info").stdout()).doesNotContain("Alarm");
    }
}
