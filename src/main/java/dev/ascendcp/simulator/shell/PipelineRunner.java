package dev.ascendcp.simulator.shell;

import dev.ascendcp.simulator.shell.Ast.Node;
import dev.ascendcp.simulator.shell.Ast.Pipeline;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Runs the stages of a pipeline concurrently, each a process of the same group, joined by pipes. */
final class PipelineRunner {

    private static final int PIPE_SIZE = 64 * 1024;

    private final Shell shell;

    PipelineRunner(Shell shell) {
        this.shell = shell;
    }

    int run(Pipeline p, Io io) throws IOException, InterruptedException {
        List<Node> stages = p.stages();
        List<Thread> threads = new ArrayList<>();
        java.io.InputStream in = io.in();
        for (int i = 0; i < stages.size() - 1; i++) {
            PipedInputStream next = new PipedInputStream(PIPE_SIZE);
            PipedOutputStream out = new PipedOutputStream(next);
            threads.add(stage(stages.get(i), new Io(in, out, io.err(), io.hold())));
            in = next;
        }
        int status;
        java.io.InputStream lastIn = in;
        try {
            status = shell.exec(stages.get(stages.size() - 1), io.withIn(lastIn));
        } finally {
            if (lastIn != io.in()) {
                lastIn.close();
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        if (p.negated()) {
            return status == 0 ? 1 : 0;
        }
        return status;
    }

    private Thread stage(Node node, Io io) {
        Machine machine = shell.machine();
        SimProcess child = machine.processes().startChild(shell.process(), "pipeline");
        Shell sub = new Shell(machine, child, shell.env().copy(), shell.user(), shell.cwd(), List.of("sh"));
        Thread t = new Thread(
                () -> {
                    try {
                        sub.exec(node, io);
                    } catch (ExitException | IOException | InterruptedException e) {
                        // the stage ends; its status is not the pipeline's
                    } finally {
                        closeQuietly(io);
                        closeInQuietly(io);
                        machine.processes().exited(child);
                    }
                },
                "sim-pipe-" + child.pid());
        child.bind(t);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(Io io) {
        try {
            io.out().close();
        } catch (IOException ignored) {
            // the reader already went away
        }
    }

    private static void closeInQuietly(Io io) {
        if (io.in() instanceof PipedInputStream p) {
            try {
                p.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }
}
