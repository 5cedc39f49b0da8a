package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code echo printf cat head wc tr fold}. */
final class TextCommands {

    private TextCommands() {}

    static void register(Map<String, Program> m) {
        m.put("echo", TextCommands::echo);
        m.put("printf", call -> {
            if (call.args().isEmpty()) {
                return call.fail(2, "printf: usage: printf format [arguments]");
            }
            call.out(Printf.format(
                    call.args().get(0), call.args().subList(1, call.args().size())));
            return 0;
        });
        m.put("cat", TextCommands::cat);
        m.put("head", TextCommands::head);
        m.put("wc", TextCommands::wc);
        m.put("tr", Tr::run);
        m.put("fold", TextCommands::fold);
    }

    private static int echo(Call call) throws IOException {
        List<String> args = call.args();
        boolean newline = true;
        int i = 0;
        while (i < args.size()
                && (args.get(i).equals("-n")
                        || args.get(i).equals("-e")
                        || args.get(i).equals("-E"))) {
            newline &= !args.get(i).equals("-n");
            i++;
        }
        call.out(String.join(" ", args.subList(i, args.size())) + (newline ? "\n" : ""));
        return 0;
    }

    /** The inputs of a filter: the named files ({@code -} = stdin), or stdin. Missing files are reported. */
    static List<InputStream> inputs(Call call, List<String> files, String tool) throws IOException {
        List<InputStream> list = new ArrayList<>();
        if (files.isEmpty()) {
            list.add(call.in());
        }
        for (String f : files) {
            if (f.equals("-")) {
                list.add(call.in());
                continue;
            }
            String path = call.path(f);
            InputStream in = call.machine().fs().isDirectory(path)
                    ? null
                    : call.machine().fs().openRead(path);
            if (in == null) {
                String why = call.machine().fs().isDirectory(path) ? "Is a directory" : "No such file or directory";
                call.errln(tool + ": " + f + ": " + why);
            } else {
                list.add(in);
            }
        }
        return list;
    }

    private static int cat(Call call) throws IOException, InterruptedException {
        List<String> files = call.args().stream()
                .filter(a -> !a.startsWith("-") || a.equals("-"))
                .toList();
        List<InputStream> ins = inputs(call, files, "cat");
        byte[] buf = new byte[16 * 1024];
        for (InputStream in : ins) {
            for (int n; (n = in.read(buf)) > 0; ) {
                call.io().out().write(buf, 0, n);
                call.io().out().flush();
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
        return ins.size() == Math.max(files.size(), 1) ? 0 : 1;
    }

    private static int head(Call call) throws IOException, InterruptedException {
        long bytes = -1;
        long lines = 10;
        List<String> files = new ArrayList<>();
        List<String> a = call.args();
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            if (arg.equals("-c") || arg.equals("-n")) {
                long v = Long.parseLong(a.get(++i));
                if (arg.equals("-c")) {
                    bytes = v;
                } else {
                    lines = v;
                }
            } else if (arg.matches("-[0-9]+")) {
                lines = Long.parseLong(arg.substring(1));
            } else {
                files.add(arg);
            }
        }
        for (InputStream in : inputs(call, files, "head")) {
            if (bytes >= 0) {
                copyBytes(in, call, bytes);
            } else {
                copyLines(in, call, lines);
            }
        }
        return 0;
    }

    private static void copyBytes(InputStream in, Call call, long limit) throws IOException, InterruptedException {
        byte[] buf = new byte[64 * 1024];
        long left = limit;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n <= 0) {
                break;
            }
            call.io().out().write(buf, 0, n);
            left -= n;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        call.io().out().flush();
    }

    private static void copyLines(InputStream in, Call call, long limit) throws IOException {
        long count = 0;
        StringBuilder line = new StringBuilder();
        for (int b; count < limit && (b = in.read()) >= 0; ) {
            line.append((char) b);
            if (b == '\n') {
                call.io().out().write(line.toString().getBytes(StandardCharsets.ISO_8859_1));
                call.io().out().flush();
                line.setLength(0);
                count++;
            }
        }
        if (count < limit && !line.isEmpty()) {
            call.io().out().write(line.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        call.io().out().flush();
    }

    private static int wc(Call call) throws IOException {
        List<String> files =
                call.args().stream().filter(a -> !a.startsWith("-")).toList();
        boolean bytes = call.args().contains("-c");
        for (InputStream in : inputs(call, files, "wc")) {
            long n = 0;
            byte[] buf = new byte[16 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) {
                if (bytes) {
                    n += r;
                } else {
                    for (int i = 0; i < r; i++) {
                        n += buf[i] == '\n' ? 1 : 0;
                    }
                }
            }
            call.outln(files.isEmpty() ? String.valueOf(n) : n + " " + files.get(0));
        }
        return 0;
    }

    private static int fold(Call call) throws IOException {
        int width = 80;
        List<String> files = new ArrayList<>();
        List<String> a = call.args();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals("-w")) {
                width = Integer.parseInt(a.get(++i));
            } else if (a.get(i).startsWith("-w")) {
                width = Integer.parseInt(a.get(i).substring(2));
            } else {
                files.add(a.get(i));
            }
        }
        for (InputStream in : inputs(call, files, "fold")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?<=\n)")) {
                boolean nl = line.endsWith("\n");
                String body = nl ? line.substring(0, line.length() - 1) : line;
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < body.length(); i += width) {
                    sb.append(body, i, Math.min(body.length(), i + width));
                    if (i + width < body.length()) {
                        sb.append('\n');
                    }
                }
                call.out(sb + (nl ? "\n" : ""));
            }
        }
        return 0;
    }
}
