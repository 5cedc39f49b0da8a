package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code sleep true false id whoami hostname uname kill env pwd command which}. */
final class SystemCommands {

    private SystemCommands() {}

    static void register(Map<String, Program> m) {
        m.put("true", call -> 0);
        m.put("false", call -> 1);
        m.put("sleep", SystemCommands::sleep);
        m.put("id", SystemCommands::id);
        m.put("whoami", call -> {
            call.outln(call.user());
            return 0;
        });
        m.put("hostname", call -> {
            call.outln(
                    call.args().contains("-I")
                            ? call.machine().interfaces().stream()
                                    .filter(i -> !i.name().equals("lo"))
                                    .map(Machine.Interface::address)
                                    .findFirst()
                                    .orElse("")
                            : call.machine().hostname());
            return 0;
        });
        m.put("uname", SystemCommands::uname);
        m.put("kill", Kill::run);
        m.put("pwd", call -> {
            call.outln(call.cwd());
            return 0;
        });
        m.put("env", SystemCommands::env);
        m.put("command", SystemCommands::commandV);
        m.put("which", SystemCommands::commandV);
        m.put("grep", Grep::run);
        m.put("tail", Tail::run);
    }

    private static int sleep(Call call) throws IOException, InterruptedException {
        if (call.args().isEmpty()) {
            return call.fail(1, "sleep: missing operand");
        }
        double seconds = 0;
        for (String a : call.args()) {
            try {
                seconds += Duration.parseSeconds(a);
            } catch (NumberFormatException e) {
                return call.fail(1, "sleep: invalid time interval '" + a + "'");
            }
        }
        Thread.sleep((long) (seconds * 1000));
        return 0;
    }

    private static int id(Call call) throws IOException {
        String user = call.user();
        boolean root = user.equals("root");
        String uid = root ? "0" : "1000";
        List<String> a = call.args();
        if (a.contains("-un") || (a.contains("-u") && a.contains("-n"))) {
            call.outln(user);
        } else if (a.contains("-u")) {
            call.outln(uid);
        } else if (a.contains("-gn")) {
            call.outln(user);
        } else if (a.contains("-g")) {
            call.outln(uid);
        } else {
            call.outln("uid=" + uid + "(" + user + ") gid=" + uid + "(" + user + ") groups=" + uid + "(" + user + ")");
        }
        return 0;
    }

    private static int uname(Call call) throws IOException {
        String kernel = "5.10.0-182.0.0.95.oe2203sp3.aarch64";
        String host = call.machine().hostname();
        if (call.args().contains("-a")) {
            call.outln("Linux " + host + " " + kernel
                    + " #1 SMP Wed Apr 24 10:00:00 CST 2024 aarch64 aarch64 aarch64 GNU/Linux");
        } else if (call.args().contains("-r")) {
            call.outln(kernel);
        } else if (call.args().contains("-n")) {
            call.outln(host);
        } else if (call.args().contains("-m")) {
            call.outln("aarch64");
        } else {
            call.outln("Linux");
        }
        return 0;
    }

    private static int env(Call call) throws IOException, InterruptedException {
        Env env = call.env().child();
        List<String> a = call.args();
        int i = 0;
        while (i < a.size() && a.get(i).contains("=") && !a.get(i).startsWith("=")) {
            String kv = a.get(i++);
            env.export(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        if (i < a.size()) {
            return call.exec(a.subList(i, a.size()), env);
        }
        for (Map.Entry<String, String> e : env.exportedMap().entrySet()) {
            call.outln(e.getKey() + "=" + e.getValue());
        }
        return 0;
    }

    private static int commandV(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        if (call.name().equals("command") && (a.isEmpty() || !a.get(0).startsWith("-v"))) {
            return a.isEmpty() ? 0 : call.exec(a, call.env());
        }
        List<String> names = call.name().equals("command") ? a.subList(1, a.size()) : a;
        int status = 0;
        for (String n : names) {
            if (call.machine().program(n) == null) {
                status = 1;
            } else {
                call.outln(n.startsWith("/") ? n : "/usr/bin/" + n);
            }
        }
        return status;
    }
}
