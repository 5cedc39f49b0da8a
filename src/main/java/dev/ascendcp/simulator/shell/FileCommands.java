package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code test [ touch mkdir rm ls}. */
final class FileCommands {

    private FileCommands() {}

    static void register(Map<String, Program> m) {
        m.put("test", call -> TestExpression.evaluate(call, call.args()));
        m.put("[", call -> {
            List<String> a = call.args();
            if (a.isEmpty() || !a.get(a.size() - 1).equals("]")) {
                return call.fail(2, "sh: 1: [: missing ]");
            }
            return TestExpression.evaluate(call, a.subList(0, a.size() - 1));
        });
        m.put("touch", call -> {
            for (String f : operands(call)) {
                String p = call.path(f);
                if (!call.machine().fs().exists(p)) {
                    if (!call.machine().fs().isDirectory(VirtualFs.parent(p))) {
                        return call.fail(1, "touch: cannot touch '" + f + "': No such file or directory");
                    }
                    call.machine().fs().write(p, new byte[0], false);
                }
            }
            return 0;
        });
        m.put("mkdir", FileCommands::mkdir);
        m.put("rm", FileCommands::rm);
        m.put("ls", FileCommands::ls);
    }

    private static List<String> operands(Call call) {
        return call.args().stream().filter(a -> !a.startsWith("-")).toList();
    }

    private static int mkdir(Call call) throws IOException {
        boolean parents = call.args().contains("-p");
        VirtualFs fs = call.machine().fs();
        for (String d : operands(call)) {
            String p = call.path(d);
            if (fs.exists(p) && !parents) {
                return call.fail(1, "mkdir: cannot create directory '" + d + "': File exists");
            }
            if (!parents && !fs.isDirectory(VirtualFs.parent(p))) {
                return call.fail(1, "mkdir: cannot create directory '" + d + "': No such file or directory");
            }
            fs.mkdirs(p);
        }
        return 0;
    }

    private static int rm(Call call) throws IOException {
        boolean force = call.args().stream().anyMatch(a -> a.startsWith("-") && a.contains("f"));
        boolean recursive =
                call.args().stream().anyMatch(a -> a.startsWith("-") && (a.contains("r") || a.contains("R")));
        VirtualFs fs = call.machine().fs();
        int status = 0;
        for (String f : operands(call)) {
            String p = call.path(f);
            if (fs.isDirectory(p)) {
                if (!recursive) {
                    status = call.fail(1, "rm: cannot remove '" + f + "': Is a directory");
                    continue;
                }
                fs.deleteTree(p);
            } else if (!fs.delete(p) && !force) {
                status = call.fail(1, "rm: cannot remove '" + f + "': No such file or directory");
            }
        }
        return status;
    }

    private static int ls(Call call) throws IOException {
        List<String> targets = operands(call);
        VirtualFs fs = call.machine().fs();
        int status = 0;
        for (String t : targets.isEmpty() ? List.of(".") : targets) {
            String p = call.path(t);
            if (fs.isDirectory(p)) {
                if (targets.size() > 1) {
                    call.outln(t + ":");
                }
                for (String name : fs.list(p)) {
                    call.outln(name);
                }
            } else if (fs.exists(p)) {
                call.outln(t);
            } else {
                status = call.fail(2, "ls: cannot access '" + t + "': No such file or directory");
            }
        }
        return status;
    }
}
