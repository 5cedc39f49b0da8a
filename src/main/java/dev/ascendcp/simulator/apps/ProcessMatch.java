package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Call;
import dev.ascendcp.simulator.shell.ProcessTable;
import dev.ascendcp.simulator.shell.Program;
import dev.ascendcp.simulator.shell.SimProcess;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code pgrep -f PATTERN} and {@code pkill [-SIG] -f PATTERN}: match full command lines (extended regex). Inside a
 * container only the container's processes are seen, as in its PID namespace; the caller's own group never matches.
 * Exit 0 when something matched, 1 when nothing did, 2 for a bad pattern.
 */
public final class ProcessMatch implements Program {

    private final SimulatedNode node;

    public ProcessMatch(SimulatedNode node) {
        this.node = node;
    }

    @Override
    public int run(Call call) throws IOException {
        boolean kill = call.name().endsWith("pkill");
        int signal = ProcessTable.SIGTERM;
        String pattern = null;
        for (String a : call.args()) {
            if (a.equals("-f")) {
                continue;
            }
            if (a.equals("-9") || a.equals("-KILL")) {
                signal = ProcessTable.SIGKILL;
            } else if (!a.startsWith("-")) {
                pattern = a;
            }
        }
        if (pattern == null) {
            return call.fail(2, call.name() + ": no matching criteria specified");
        }
        Pattern p;
        try {
            p = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return call.fail(2, call.name() + ": invalid pattern");
        }
        String container = call.env().container();
        Container c = container == null ? null : node.docker().find(container);
        int self = call.process().pgid();
        boolean found = false;
        for (SimProcess proc : List.copyOf(node.processes().list())) {
            boolean visible = c == null || c.processGroups().contains(proc.pgid());
            if (!visible || proc.pgid() == self || !p.matcher(proc.command()).find()) {
                continue;
            }
            found = true;
            if (kill) {
                node.processes().killGroup(proc.pgid(), signal);
            } else {
                call.outln(String.valueOf(proc.pid()));
            }
        }
        return found ? 0 : 1;
    }
}
