package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.jspecify.annotations.Nullable;

/** An SSH exec request: the command line runs in a login shell that leads its own process group. */
public final class ExecCommand implements Command {

    private final Machine machine;
    private final String commandLine;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;
    private @Nullable OutputStream err;
    private @Nullable ExitCallback exit;
    private volatile @Nullable SimProcess process;

    public ExecCommand(Machine machine, String commandLine) {
        this.machine = machine;
        this.commandLine = commandLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) {
        Thread t = new Thread(this::run, "sim-exec");
        t.setDaemon(true);
        SimProcess p = machine.processes().startGroup(commandLine);
        p.bind(t);
        process = p;
        t.start();
    }

    private void run() {
        SimProcess p = process;
        ChannelHold hold = new ChannelHold();
        OutputStream stdout = new ChannelStream(out);
        OutputStream stderr = new ChannelStream(err);
        int status;
        try {
            Io io = new Io(in == null ? InputStream.nullInputStream() : in, stdout, stderr, hold);
            status = Shell.login(machine, p, Env.of(machine.loginEnv())).run(commandLine, io);
        } finally {
            machine.processes().exited(p);
        }
        try {
            hold.releaseAndAwait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (exit != null) {
            exit.onExit(status);
        }
    }

    /** Runs a command line in the calling thread as its own process group, capturing its output. */
    public static int runInProcess(Machine machine, String commandLine, OutputStream out, OutputStream err) {
        SimProcess p = machine.processes().startGroup(commandLine);
        ChannelHold hold = new ChannelHold();
        int status;
        try {
            Io io = new Io(InputStream.nullInputStream(), new ChannelStream(out), new ChannelStream(err), hold);
            status = Shell.login(machine, p, Env.of(machine.loginEnv())).run(commandLine, io);
        } finally {
            machine.processes().exited(p);
        }
        try {
            hold.releaseAndAwait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    /** Runs a command line as a new process group in the calling thread (a daemon task such as {@code docker exec -d}). */
    public static int runDetached(
            Machine machine,
            String commandLine,
            Env env,
            String user,
            OutputStream out,
            java.util.function.IntConsumer pgid) {
        SimProcess p = machine.processes().startGroup(commandLine);
        pgid.accept(p.pgid());
        try {
            Io io = new Io(InputStream.nullInputStream(), new ChannelStream(out), new ChannelStream(out), null);
            return new Shell(machine, p, env, user, "/", java.util.List.of("sh")).run(commandLine, io);
        } finally {
            machine.processes().exited(p);
        }
    }

    /** The client closed the channel: the foreground process gets a hangup, background jobs live on. */
    @Override
    public void destroy(ChannelSession channel) {
        SimProcess p = process;
        if (p != null && machine.processes().list().contains(p)) {
            p.kill(1);
        }
    }

    /** Serialises writes from several processes and flushes each write, so output streams as produced. */
    private static final class ChannelStream extends OutputStream {
        private final @Nullable OutputStream target;

        ChannelStream(@Nullable OutputStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (target != null) {
                target.write(b, off, len);
                target.flush();
            }
        }
    }
}
