package dev.ascendcp.ssh;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed form in which a command travels (shared with the simulator): the login shell prints its pid, which is the
 * command's process group, then execs {@code sh -c} (through {@code sudo -n} for sudo targets). Cancel and timeout
 * kill that group from a second session.
 */
final class WireForm {

    static final String PID_PREFIX = "__acp_pid=";
    private static final Pattern PID_LINE = Pattern.compile("__acp_pid=(\\d{1,10})\\r?");

    private WireForm() {}

    static String command(String commandLine, boolean sudo) {
        String exec = sudo ? "exec sudo -n -- sh -c " : "exec sh -c ";
        return "echo " + PID_PREFIX + "$$; " + exec + ShellQuoting.singleQuoted(commandLine);
    }

    static String kill(long processGroup, boolean sudo) {
        String kill = sudo ? "sudo -n kill" : "kill";
        return kill + " -s TERM -- -" + processGroup + " 2>/dev/null; sleep 1; " + kill + " -s KILL -- -" + processGroup
                + " 2>/dev/null; true";
    }

    /** The process group announced by {@code line}, if it is the pid line. */
    static OptionalLong parsePidLine(String line) {
        Matcher matcher = PID_LINE.matcher(line);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }
}
