package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.util.List;

/** The {@code test} expression language: unary file and string tests, binary comparisons, {@code !}. */
final class TestExpression {

    private TestExpression() {}

    static int evaluate(Call call, List<String> a) throws IOException {
        if (!a.isEmpty() && a.get(0).equals("!")) {
            int inner = evaluate(call, a.subList(1, a.size()));
            return inner == 2 ? 2 : 1 - inner;
        }
        return switch (a.size()) {
            case 0 -> 1;
            case 1 -> a.get(0).isEmpty() ? 1 : 0;
            case 2 -> unary(call, a.get(0), a.get(1));
            case 3 -> binary(call, a.get(0), a.get(1), a.get(2));
            default -> call.fail(2, "sh: 1: test: unexpected operator");
        };
    }

    private static int unary(Call call, String op, String arg) throws IOException {
        VirtualFs fs = call.machine().fs();
        String p = call.path(arg);
        boolean r = switch (op) {
            case "-e", "-x", "-r", "-w" -> fs.exists(p);
            case "-f" -> fs.isFile(p);
            case "-d" -> fs.isDirectory(p);
            case "-c" -> fs.isDevice(p);
            case "-s" -> fs.isFile(p) && fs.read(p) != null && fs.read(p).length > 0;
            case "-n" -> !arg.isEmpty();
            case "-z" -> arg.isEmpty();
            default -> {
                call.errln("sh: 1: test: " + op + ": unexpected operator");
                yield false;
            }
        };
        return r ? 0 : 1;
    }

    private static int binary(Call call, String l, String op, String r) throws IOException {
        if (op.equals("=") || op.equals("==")) {
            return l.equals(r) ? 0 : 1;
        }
        if (op.equals("!=")) {
            return l.equals(r) ? 1 : 0;
        }
        long x;
        long y;
        try {
            x = Long.parseLong(l.trim());
            y = Long.parseLong(r.trim());
        } catch (NumberFormatException e) {
            return call.fail(2, "sh: 1: test: Illegal number: " + l);
        }
        boolean result = switch (op) {
            case "-eq" -> x == y;
            case "-ne" -> x != y;
            case "-gt" -> x > y;
            case "-ge" -> x >= y;
            case "-lt" -> x < y;
            case "-le" -> x <= y;
            default -> false;
        };
        return result ? 0 : 1;
    }
}
