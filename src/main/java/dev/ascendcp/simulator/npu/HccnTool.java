package dev.ascendcp.simulator.npu;

import dev.ascendcp.simulator.NpuFaults;
import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Call;
import dev.ascendcp.simulator.shell.Program;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code hccn_tool -i N -<query> -g}: the A2/A3 ("uda") generation of Huawei's NPU network tool. Results go to
 * stdout, errors to stderr with exit status 1. More than the node's limit of concurrent calls, or the busy fault,
 * answers {@code hccn_tool is busy, please try again.}.
 */
public final class HccnTool implements Program {

    static final String BUSY = "hccn_tool is busy, please try again.";

    private final SimulatedNode node;

    public HccnTool(SimulatedNode node) {
        this.node = node;
    }

    @Override
    public int run(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        if (a.size() < 2 || !a.get(0).equals("-i")) {
            call.errln("Get invalid major cmd type. The valid major cmd type should be \"-a\" or \"-i\".");
            return call.fail(1, "Enter [ hccn_tool -h ] for more details.");
        }
        int active = node.hccnCalls().incrementAndGet();
        try {
            if (active > node.spec().maxConcurrentHccn()
                    || ThreadLocalRandom.current().nextDouble() < node.faults().busyProbability()) {
                return call.fail(1, BUSY);
            }
            boolean ping = a.contains("-ping");
            ToolGate.delay(
                    node.faults(), ping ? java.time.Duration.ZERO : node.spec().hccnLatency());
            int dev = device(a.get(1));
            if (dev < 0) {
                return call.fail(1, "Get invalid device id.");
            }
            return query(call, dev, a.subList(2, a.size()));
        } finally {
            node.hccnCalls().decrementAndGet();
        }
    }

    private int device(String s) {
        try {
            int d = Integer.parseInt(s);
            return d >= 0 && d < node.npuCount() ? d : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private int query(Call call, int dev, List<String> q) throws IOException, InterruptedException {
        if (q.isEmpty()) {
            return call.fail(1, "The total count of input parameters is wrong!");
        }
        NpuFaults f = node.faults().npu(dev);
        String gateway = node.spec().npuGateway(dev);
        boolean get = q.contains("-g");
        switch (q.get(0)) {
            case "-link" -> call.outln("link status: " + (f.linkDown() ? "DOWN" : "UP"));
            case "-net_health" -> call.outln("net health status: " + netHealth(f));
            case "-netdetect" -> call.outln("netdetect address: " + (f.noIp() ? "0.0.0.0" : gateway));
            case "-lldp" -> {
                if (!f.linkDown() && !f.noLldp()) {
                    call.out(Lldp.render(node, dev));
                }
            }
            case "-gateway" -> {
                if (f.noIp() || f.noGateway()) {
                    return call.fail(1, "Get gateway failed, because no gateway was preset there!");
                }
                call.outln("default gateway:" + gateway + ", Iface:eth" + dev);
            }
            case "-ip" -> {
                if (f.noIp()) {
                    return call.fail(1, "Get ipconf failed, because no ip was preset there!");
                }
                call.outln("ipaddr:" + node.npuIp(dev));
                call.outln("netmask:255.255.255.0");
            }
            case "-tls" -> {
                if (!get) {
                    call.outln("Cmd executed successfully!");
                    return 0;
                }
                call.outln("dev_id:" + dev + ", tls switch[0](0:disable, 1:enable), tls preconfigured[1](0:non-preset,"
                        + " 1:preset), tls alarm time threshold[60]days");
            }
            case "-ping" -> {
                return ping(call, dev, q);
            }
            default -> {
                return call.fail(1, "Get unknown option!");
            }
        }
        return get ? 0 : call.fail(1, "Get invalid parameters!");
    }

    private int ping(Call call, int dev, List<String> q) throws IOException, InterruptedException {
        int at = q.indexOf("address");
        if (!q.contains("-g") || at < 0 || at + 1 >= q.size()) {
            return call.fail(1, "Get invalid parameters!");
        }
        int packets = 3;
        int pkt = q.indexOf("pkt");
        if (pkt >= 0 && pkt + 1 < q.size()) {
            try {
                packets = Integer.parseInt(q.get(pkt + 1));
            } catch (NumberFormatException e) {
                return call.fail(1, "Get invalid parameters!");
            }
        }
        java.time.Duration perPacket =
                node.spec().hccnLatency().plus(node.faults().extraLatency());
        return Ping.run(call, node, dev, q.get(at + 1), packets, perPacket);
    }

    static String netHealth(NpuFaults f) {
        if (f.netHealth() != null) {
            return f.netHealth();
        }
        return f.linkDown() ? "Fault" : f.noIp() ? "Init" : "Success";
    }
}
