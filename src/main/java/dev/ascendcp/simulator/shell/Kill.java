package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.util.List;

/** {@code kill [-TERM|-KILL|-9|-15|-s SIG] [--] PID|-PGID...}: signals simulated processes and groups. */
final class Kill {

    private Kill() {}

    static int run(Call call) throws IOException {
        int signal = ProcessTable.SIGTERM;
        List<String> a = call.args();
        int i = 0;
        if (i < a.size() && a.get(i).startsWith("-") && !a.get(i).equals("--")) {
            String spec = a.get(i).equals("-s") && i + 1 < a.size()
                    ? a.get(++i)
                    : a.get(i).substring(1);
            signal = parseSignal(spec);
            if (signal < 0) {
                return call.fail(2, "sh: 1: kill: invalid signal number or name: " + spec);
            }
            i++;
        }
        if (i < a.size() && a.get(i).equals("--")) {
            i++;
        }
        if (i >= a.size()) {
            return call.fail(2, "kill: usage: kill [-s sigspec | -signum | -sigspec] pid | jobspec ...");
        }
        int status = 0;
        for (String target : a.subList(i, a.size())) {
            if (!target.matches("-?[0-9]+")) {
                status = call.fail(1, "sh: 1: kill: Illegal number: " + target);
                continue;
            }
            int id = Integer.parseInt(target);
            ProcessTable table = call.machine().processes();
            boolean found = signal == 0
                    ? table.list().stream().anyMatch(p -> id < 0 ? p.pgid() == -id : p.pid() == id)
                    : id < 0 ? table.killGroup(-id, signal) : table.kill(id, signal);
            if (!found) {
                status = call.fail(1, "sh: 1: kill: No such process");
            }
        }
        return status;
    }

    private static int parseSignal(String s) {
        String name = s.toUpperCase().startsWith("SIG") ? s.substring(3).toUpperCase() : s.toUpperCase();
        return switch (name) {
            case "TERM", "15" -> ProcessTable.SIGTERM;
            case "KILL", "9" -> ProcessTable.SIGKILL;
            case "INT", "2" -> 2;
            case "HUP", "1" -> 1;
            case "0" -> 0;
            default -> -1;
        };
    }
}
