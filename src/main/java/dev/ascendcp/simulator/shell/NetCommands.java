package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code ip -o -4 addr show [dev NIC]}, {@code df -k|-B1 PATH} and {@code ss -ltn}, in the iproute2/coreutils layouts. */
final class NetCommands {

    private NetCommands() {}

    static void register(Map<String, Program> m) {
        m.put("ip", NetCommands::ip);
        m.put("df", NetCommands::df);
        m.put("ss", NetCommands::ss);
    }

    private static int ip(Call call) throws IOException {
        List<String> a = call.args().stream()
                .filter(x -> !x.equals("-o") && !x.equals("-4"))
                .toList();
        if (a.isEmpty()
                || !(a.get(0).equals("addr") || a.get(0).equals("a") || a.get(0).equals("address"))) {
            return call.fail(1, "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }");
        }
        String dev = null;
        int devIndex = a.indexOf("dev");
        if (devIndex >= 0 && devIndex + 1 < a.size()) {
            dev = a.get(devIndex + 1);
        } else if (a.size() >= 3 && a.get(1).equals("show")) {
            dev = a.get(2);
        }
        boolean found = false;
        for (Machine.Interface nic : call.machine().interfaces()) {
            if (dev != null && !nic.name().equals(dev)) {
                continue;
            }
            found = true;
            String scope = nic.name().equals("lo") ? "scope host" : "brd " + broadcast(nic) + " scope global";
            call.outln(nic.index() + ": " + nic.name() + "    inet " + nic.address() + "/" + nic.prefixLength() + " "
                    + scope + " " + nic.name() + "\\       valid_lft forever preferred_lft forever");
        }
        if (dev != null && !found) {
            return call.fail(1, "Device \"" + dev + "\" does not exist.");
        }
        return 0;
    }

    private static String broadcast(Machine.Interface nic) {
        String[] o = nic.address().split("\\.");
        long ip = 0;
        for (String part : o) {
            ip = ip << 8 | Long.parseLong(part);
        }
        long host = (1L << (32 - nic.prefixLength())) - 1;
        long b = ip | host;
        return (b >> 24 & 255) + "." + (b >> 16 & 255) + "." + (b >> 8 & 255) + "." + (b & 255);
    }

    private static int df(Call call) throws IOException {
        boolean bytes = call.args().contains("-B1") || call.args().contains("--block-size=1");
        List<String> paths =
                call.args().stream().filter(x -> !x.startsWith("-")).toList();
        String path = paths.isEmpty() ? "/" : call.path(paths.get(0));
        if (!call.machine().fs().exists(path)) {
            return call.fail(1, "df: " + paths.get(0) + ": No such file or directory");
        }
        boolean shm = path.startsWith("/dev/shm");
        long size = shm ? call.machine().shmBytes(call.env().container()) : 943_718_400L * 1024;
        long used = shm ? 0 : size / 10;
        long unit = bytes ? 1 : 1024;
        call.outln(String.format(
                "%-15s %10s %10s %10s %4s %s",
                "Filesystem", bytes ? "1B-blocks" : "1K-blocks", "Used", "Available", "Use%", "Mounted on"));
        call.outln(String.format(
                "%-15s %10d %10d %10d %3d%% %s",
                shm ? (call.env().container() == null ? "tmpfs" : "shm") : "/dev/nvme0n1p2",
                size / unit,
                used / unit,
                (size - used) / unit,
                size == 0 ? 0 : (used * 100 + size - 1) / size,
                shm ? "/dev/shm" : "/"));
        return 0;
    }

    private static int ss(Call call) throws IOException {
        call.outln(String.format(
                "%-6s %-6s %-6s %-30s %-30s%s",
                "State", "Recv-Q", "Send-Q", "Local Address:Port", "Peer Address:Port", "Process"));
        for (String l : call.machine().listeners()) {
            call.outln(String.format("%-6s %-6s %-6s %-30s %-30s", "LISTEN", "0", "4096", l, "0.0.0.0:*"));
        }
        return 0;
    }
}
