package dev.ascendcp.simulator.npu;

import dev.ascendcp.simulator.NpuFaults;
import dev.ascendcp.simulator.SimulatedCluster.NpuLocation;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Call;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** {@code hccn_tool -i N -ping -g address X [pkt N]} over the simulated NPU network of the cluster. */
final class Ping {

    private Ping() {}

    static int run(Call call, SimulatedNode node, int dev, String target, int packets, Duration perPacket)
            throws IOException, InterruptedException {
        call.outln("device " + dev + " PING " + target);
        int loss = reachable(node, dev, target);
        int lost = loss >= 100 ? packets : (int) Math.round(packets * loss / 100.0);
        int received = 0;
        for (int seq = 0; seq < packets; seq++) {
            Thread.sleep(perPacket.toMillis());
            if (seq < lost) {
                call.outln("recv time out seq=" + seq);
            } else {
                received++;
                double ms = ThreadLocalRandom.current().nextDouble(seq == 0 ? 0.1 : 0.03, seq == 0 ? 1.5 : 0.16);
                call.outln(String.format(Locale.ROOT, "recv seq=%d,time=%.6fms", seq, ms));
            }
        }
        double pct = packets == 0 ? 0 : 100.0 * (packets - received) / packets;
        call.outln(String.format(
                Locale.ROOT, "%d packets transmitted, %d received, %.2f%% packet loss", packets, received, pct));
        return received == packets ? 0 : 1;
    }

    /** The share of packets lost from NPU {@code dev} of {@code node} to {@code ip}: 100 when unreachable. */
    static int reachable(SimulatedNode node, int dev, String ip) {
        NpuFaults src = node.faults().npu(dev);
        if (src.linkDown() || src.noIp()) {
            return 100;
        }
        for (NpuLocation dst : node.cluster().npusWithIp(ip)) {
            NpuFaults df = dst.node().faults().npu(dst.index());
            boolean sameDevice = dst.node() == node && dst.index() == dev;
            boolean sameCard = dst.node() == node && node.spec().isA3() && dst.index() / 2 == dev / 2 && !sameDevice;
            if (!dst.node().isRunning() || df.linkDown() || sameCard) {
                continue;
            }
            if (sameDevice || sameSubnet(node.npuIp(dev), ip) || (!src.noGateway() && !df.noGateway())) {
                return Math.max(src.packetLossPercent(), df.packetLossPercent());
            }
        }
        return 100;
    }

    private static boolean sameSubnet(String a, String b) {
        return a.substring(0, a.lastIndexOf('.')).equals(b.substring(0, b.lastIndexOf('.')));
    }
}
