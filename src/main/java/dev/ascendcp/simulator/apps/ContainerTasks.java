package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Env;
import dev.ascendcp.simulator.shell.ExecCommand;
import dev.ascendcp.simulator.shell.ProcessTable;
import java.io.OutputStream;
import java.util.List;

/** Processes that run inside a container: {@code docker exec -d} tasks, killed with the container. */
final class ContainerTasks {

    private ContainerTasks() {}

    static void startDetached(SimulatedNode node, Container c, List<String> cmd, Env env) {
        String line = ShellQuote.join(cmd);
        Thread t = new Thread(
                () -> ExecCommand.runDetached(
                        node.machine(),
                        line,
                        env,
                        "root",
                        OutputStream.nullOutputStream(),
                        pgid -> c.processGroups().add(pgid)),
                "sim-docker-exec");
        t.setDaemon(true);
        t.start();
    }

    static void killAll(SimulatedNode node, Container c) {
        for (int pgid : c.processGroups()) {
            node.processes().killGroup(pgid, ProcessTable.SIGKILL);
        }
        c.processGroups().clear();
        c.stop();
        // Ray runs inside the container: its processes end with it.
        node.cluster().ray().stop(node);
    }
}
