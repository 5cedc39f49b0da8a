package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.shell.Call;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Ray's non-interactive log lines: {@code YYYY-MM-DD HH:MM:SS,mmm\tLEVEL file:line -- message}. */
final class RayLog {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private RayLog() {}

    static void info(Call call, String where, String message) throws IOException {
        call.outln(TS.format(LocalDateTime.now()) + "\tINFO " + where + " -- " + message);
    }

    static void succ(Call call, String where, String message) throws IOException {
        call.outln(TS.format(LocalDateTime.now()) + "\tSUCC " + where + " -- " + message);
    }

    /** The raylet's C++ log prefix, e.g. {@code [2025-07-23 10:05:49,679 W 51000 51000] }. */
    static String native_(char level, int pid) {
        return "[" + TS.format(LocalDateTime.now()) + " " + level + " " + pid + " " + pid + "] ";
    }
}
