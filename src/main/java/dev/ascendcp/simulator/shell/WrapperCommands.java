package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Commands that run other commands: {@code sh bash sudo nohup timeout}. */
final class WrapperCommands {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-timeout");
        t.setDaemon(true);
        return t;
    });

    private WrapperCommands() {}

    static void register(Map<String, Program> m) {
        m.put("sh", WrapperCommands::sh);
        m.put("bash", WrapperCommands::sh);
        m.put("/bin/sh", WrapperCommands::sh);
        m.put("/bin/bash", WrapperCommands::sh);
        m.put("sudo", WrapperCommands::sudo);
        m.put(
                "nohup",
                call -> call.args().isEmpty()
                        ? call.fail(125, "nohup: missing operand")
                        : call.runChild(call.args(), call.env(), call.user(), null));
        m.put("timeout", WrapperCommands::timeout);
    }

    private static int sh(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        int i = 0;
        boolean command = false;
        while (i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1) {
            command |= a.get(i).contains("c");
            i++;
        }
        if (command) {
            if (i >= a.size()) {
                return call.fail(2, call.name() + ": 0: -c requires an argument");
            }
            List<String> positional = a.size() > i + 1 ? a.subList(i + 1, a.size()) : List.of();
            return call.runScript(a.get(i), positional, null);
        }
        String script = i < a.size() ? call.machine().fs().readString(call.path(a.get(i))) : readStdin(call);
        if (script == null) {
            return call.fail(127, call.name() + ": 0: cannot open " + a.get(i) + ": No such file");
        }
        return call.runScript(script, List.of(), null);
    }

    private static String readStdin(Call call) throws IOException {
        return new String(call.in().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static int sudo(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        int i = 0;
        boolean nonInteractive = false;
        String user = "root";
        while (i < a.size() && a.get(i).startsWith("-")) {
            String opt = a.get(i++);
            if (opt.equals("--")) {
                break;
            }
            nonInteractive |= opt.equals("-n");
            if (opt.equals("-u") && i < a.size()) {
                user = a.get(i++);
            }
        }
        if (!call.machine().sudoAllowed() && !call.user().equals("root")) {
            if (!nonInteractive) {
                call.errln("sudo: a terminal is required to read the password; either use the -S option to read from"
                        + " standard input or configure an askpass helper");
            }
            return call.fail(1, "sudo: a password is required");
        }
        if (i >= a.size()) {
            return call.fail(1, "usage: sudo -h | -K | -k | -V");
        }
        return call.runChild(new ArrayList<>(a.subList(i, a.size())), call.env(), user, null);
    }

    private static int timeout(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        int i = 0;
        int signal = ProcessTable.SIGTERM;
        while (i < a.size() && a.get(i).startsWith("-")) {
            String opt = a.get(i++);
            if (opt.equals("-s") && i < a.size()) {
                signal = a.get(i++).toUpperCase().endsWith("KILL") ? ProcessTable.SIGKILL : ProcessTable.SIGTERM;
            } else if (opt.equals("-k") && i < a.size()) {
                i++;
            }
        }
        if (i + 1 >= a.size()) {
            return call.fail(125, "timeout: missing operand");
        }
        double seconds;
        try {
            seconds = Duration.parseSeconds(a.get(i));
        } catch (NumberFormatException e) {
            return call.fail(125, "timeout: invalid time interval '" + a.get(i) + "'");
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
        int sig = signal;
        int status = call.runChild(a.subList(i + 1, a.size()), call.env(), call.user(), child -> {
            if (seconds > 0) {
                timer[0] = TIMERS.schedule(
                        () -> {
                            expired.set(true);
                            child.kill(sig);
                        },
                        (long) (seconds * 1000),
                        TimeUnit.MILLISECONDS);
            }
        });
        if (timer[0] != null) {
            timer[0].cancel(false);
        }
        Thread.interrupted();
        return expired.get() ? (sig == ProcessTable.SIGKILL ? 137 : 124) : status;
    }
}
