package dev.ascendcp.verification;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A test double for one Ascend node: answers the commands of a {@link NodeScript} with the real output formats, and
 * runs a script's lanes as the shell would ({@code echo}, {@code 2>&1}, {@code $?}).
 */
final class FakeNode {

    record Answer(String output, int rc) {}

    final String name;
    final int npuCount;
    private int subnet;
    final Map<Integer, String> ips = new HashMap<>();
    final Map<Integer, String> links = new HashMap<>();
    final Map<Integer, String> health = new HashMap<>();
    final Map<Integer, String> smiHealth = new HashMap<>();
    final Map<Integer, String> confAddress = new HashMap<>();
    final Set<Integer> noGateway = new HashSet<>();
    final Set<Integer> noLldp = new HashSet<>();
    final Set<String> busyOnce = new HashSet<>();
    final Map<String, Answer> pings = new HashMap<>();
    String netmask = "255.255.0.0";
    int smiCount;
    boolean processes;

    FakeNode(String name, int npuCount, int subnet) {
        this.name = name;
        this.npuCount = npuCount;
        this.subnet = subnet;
        this.smiCount = npuCount;
        for (int i = 0; i < npuCount; i++) {
            ips.put(i, "29.0." + subnet + "." + (i + 10));
        }
    }

    String ip(int npu) {
        return ips.get(npu);
    }

    NodeFacts facts() {
        return new NodeFacts(name, npuCount);
    }

    /** Runs every lane and concatenates their outputs, as a caller would after running them concurrently. */
    String run(NodeScript script) {
        StringBuilder out = new StringBuilder();
        for (String lane : script.lanes()) {
            List<String> parts = List.of(lane.split("; "));
            for (int i = 0; i + 2 < parts.size(); i += 3) {
                String begin = parts.get(i);
                String command = parts.get(i + 1);
                String end = parts.get(i + 2);
                if (!begin.startsWith("echo '") || !command.endsWith(" 2>&1") || !end.startsWith("echo \"")) {
                    throw new IllegalStateException("unexpected lane shape: " + lane);
                }
                Answer answer = answer(command.substring(0, command.length() - " 2>&1".length()));
                out.append(begin, 6, begin.length() - 1).append('\n');
                out.append(answer.output());
                out.append(end.substring(6, end.length() - 1).replace("$?", String.valueOf(answer.rc())))
                        .append('\n');
            }
        }
        return out.toString();
    }

    Answer answer(String command) {
        if (busyOnce.remove(command)) {
            return new Answer("hccn_tool is busy, please try again.\n", 1);
        }
        if (command.equals("npu-smi info")) {
            return new Answer(npuSmi(), 0);
        }
        if (command.equals("cat /etc/hccn.conf")) {
            return new Answer(conf(), 0);
        }
        String[] words = command.split(" ");
        int npu = Integer.parseInt(words[2]);
        Function<Integer, Answer> query = queries.get(words[3]);
        if (npu >= smiCount) {
            return new Answer("Get invalid device id.\n", 1);
        }
        if (words[3].equals("-ping")) {
            return pings.getOrDefault(npu + " " + words[6], pingOk(npu, words[6]));
        }
        return query.apply(npu);
    }

    private final Map<String, Function<Integer, Answer>> queries = Map.of(
            "-ip",
                    i -> ips.get(i) == null
                            ? new Answer("Get ipconf failed, because no ip was preset there!\n", 1)
                            : new Answer("ipaddr:" + ips.get(i) + "\nnetmask:" + netmask + "\n", 0),
            "-link", i -> new Answer("link status: " + links.getOrDefault(i, "UP") + "\n", 0),
            "-net_health", i -> new Answer("net health status: " + health.getOrDefault(i, "Success") + "\n", 0),
            "-netdetect", i -> new Answer("netdetect address: 29.0." + subnet + ".1\n", 0),
            "-gateway",
                    i -> noGateway.contains(i)
                            ? new Answer("Get gateway failed, because no gateway was preset there!\n", 1)
                            : new Answer("default gateway:29.0." + subnet + ".1, Iface:eth" + i + "\n", 0),
            "-lldp",
                    i -> noLldp.contains(i)
                            ? new Answer("", 0)
                            : new Answer(
                                    "Chassis ID TLV\n\tMAC: 44:31:92:6b:5e:fc\nPort ID TLV\n\tIfname: 400GE1/1/5:" + i
                                            + "\nEnd of LLDPDU TLV\n",
                                    0),
            "-ping", i -> new Answer("", 0));

    static Answer pingOk(int npu, String ip) {
        return new Answer(
                "device " + npu + " PING " + ip + "\nrecv seq=0,time=0.114000ms\nrecv seq=1,time=0.067000ms\n"
                        + "recv seq=2,time=0.063000ms\n3 packets transmitted, 3 received, 0.00% packet loss\n",
                0);
    }

    static Answer pingLost(int npu, String ip) {
        return new Answer(
                "device " + npu + " PING " + ip + "\nrecv time out seq=0\nrecv time out seq=1\n"
                        + "recv time out seq=2\n3 packets transmitted, 0 received, 100.00% packet loss\n",
                1);
    }

    private String conf() {
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < npuCount; i++) {
            String address = confAddress.getOrDefault(i, ips.get(i));
            if (address != null) {
                conf.append("address_").append(i).append('=').append(address).append('\n');
                conf.append("netmask_").append(i).append('=').append(netmask).append('\n');
            }
        }
        return conf.toString();
    }

    private String npuSmi() {
        StringBuilder t = new StringBuilder();
        t.append(
                "+------------------------------------------------------------------------------------------------+\n");
        t.append(
                "| npu-smi 23.0.7                   Version: 23.0.7                                               |\n");
        t.append(
                "| NPU   Name                | Health        | Power(W)    Temp(C)           Hugepages-Usage(page)|\n");
        t.append(
                "| Chip                      | Bus-Id        | AICore(%)   Memory-Usage(MB)  HBM-Usage(MB)        |\n");
        for (int i = 0; i < smiCount; i++) {
            t.append(String.format(
                    "| %-5d 910B3               | %-13s | 102.8       55                0    / 0             |%n",
                    i, smiHealth.getOrDefault(i, "OK")));
            t.append(String.format(
                    "| 0                         | 0000:%02X:00.0  | 0           0    / 0          3338 / 65536         |%n",
                    i + 1));
            t.append(
                    "+===========================+===============+====================================================+\n");
        }
        t.append(
                "| NPU     Chip              | Process id    | Process name             | Process memory(MB)      |\n");
        for (int i = 0; i < smiCount; i++) {
            if (processes && i == 0) {
                t.append(
                        "| 0       0                 | 582939        | python                   | 19502                   |\n");
            } else {
                t.append("| No running processes found in NPU ").append(i).append(" |\n");
            }
        }
        return t.toString();
    }
}
