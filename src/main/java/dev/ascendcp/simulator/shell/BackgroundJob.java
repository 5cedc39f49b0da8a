package dev.ascendcp.simulator.shell;

import dev.ascendcp.simulator.shell.Ast.Group;
import dev.ascendcp.simulator.shell.Ast.Node;
import dev.ascendcp.simulator.shell.Ast.Redirect;
import dev.ascendcp.simulator.shell.Ast.Simple;
import java.io.IOException;
import java.util.List;

/** Starts {@code command &}: a child process of the same group in a subshell, on its own thread. */
final class BackgroundJob {

    private final Shell shell;

    BackgroundJob(Shell shell) {
        this.shell = shell;
    }

    /** Starts the job and returns its pid ({@code $!}). */
    int start(Node node, Io io, List<Thread> jobs) {
        Machine machine = shell.machine();
        SimProcess child = machine.processes().startChild(shell.process(), describe(node));
        Shell sub = new Shell(machine, child, shell.env().copy(), shell.user(), shell.cwd(), List.of("sh"));
        ChannelHold hold = holdsChannel(node) ? io.hold() : null;
        if (hold != null) {
            hold.acquire();
        }
        Io jobIo = new Io(java.io.InputStream.nullInputStream(), io.out(), io.err(), hold);
        Thread t = new Thread(
                () -> {
                    try {
                        sub.exec(node, jobIo);
                    } catch (ExitException | IOException | InterruptedException e) {
                        // a background job's status is only visible through wait, which the simulator does not report
                    } finally {
                        machine.processes().exited(child);
                        if (hold != null) {
                            hold.release();
                        }
                    }
                },
                "sim-bg-" + child.pid());
        child.bind(t);
        t.setDaemon(true);
        jobs.add(t);
        t.start();
        return child.pid();
    }

    /** Whether the job still writes to the caller's stdout or stderr (then a channel waits for it). */
    private static boolean holdsChannel(Node node) {
        List<Redirect> redirects;
        if (node instanceof Simple s) {
            redirects = s.redirects();
        } else if (node instanceof Group g) {
            redirects = g.redirects();
        } else {
            return true;
        }
        boolean out = false;
        boolean err = false;
        for (Redirect r : redirects) {
            out |= r.fd() == 1;
            err |= r.fd() == 2;
        }
        return !(out && err);
    }

    private static String describe(Node node) {
        if (node instanceof Simple s && !s.words().isEmpty()) {
            return s.words().get(0).plainText();
        }
        return "sh";
    }
}
