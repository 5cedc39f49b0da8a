package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code tail [-n N|-n +N] [-f|-F] [--pid=PID] [FILE]}; {@code -f} follows a file until killed. */
final class Tail {

    private Tail() {}

    static int run(Call call) throws IOException, InterruptedException {
        String count = "10";
        boolean follow = false;
        int pid = -1;
        List<String> files = new ArrayList<>();
        List<String> a = call.args();
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            if (arg.equals("-n")) {
                count = a.get(++i);
            } else if (arg.startsWith("-n")) {
                count = arg.substring(2);
            } else if (arg.equals("-f") || arg.equals("-F") || arg.equals("--follow")) {
                follow = true;
            } else if (arg.startsWith("--pid=")) {
                pid = Integer.parseInt(arg.substring(6));
            } else if (arg.matches("-[0-9]+")) {
                count = arg.substring(1);
            } else {
                files.add(arg);
            }
        }
        List<InputStream> ins = TextCommands.inputs(call, files, "tail");
        if (ins.isEmpty()) {
            return 1;
        }
        byte[] data = ins.get(0).readAllBytes();
        call.io().out().write(select(data, count));
        call.io().out().flush();
        if (follow && !files.isEmpty()) {
            follow(call, call.path(files.get(0)), data.length, pid);
        }
        return 0;
    }

    private static byte[] select(byte[] data, String count) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("(?<=\n)")));
        if (text.isEmpty()) {
            return new byte[0];
        }
        int from;
        if (count.startsWith("+")) {
            from = Math.max(0, Integer.parseInt(count.substring(1)) - 1);
        } else {
            from = Math.max(0, lines.size() - Integer.parseInt(count));
        }
        return String.join("", lines.subList(Math.min(from, lines.size()), lines.size()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void follow(Call call, String path, int offset, int pid) throws IOException, InterruptedException {
        int seen = offset;
        while (true) {
            Thread.sleep(200);
            byte[] now = call.machine().fs().read(path);
            if (now != null && now.length > seen) {
                call.io().out().write(now, seen, now.length - seen);
                call.io().out().flush();
                seen = now.length;
            }
            if (pid > 0 && call.machine().processes().list().stream().noneMatch(p -> p.pid() == pid)) {
                return;
            }
        }
    }
}
