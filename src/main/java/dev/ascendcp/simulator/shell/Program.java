package dev.ascendcp.simulator.shell;

import java.io.IOException;

/** A command the simulated node can run (a built-in utility or a simulated tool such as {@code hccn_tool}). */
@FunctionalInterface
public interface Program {

    /** Runs the command and returns its exit status; interruption means the process was signalled. */
    int run(Call call) throws IOException, InterruptedException;
}
