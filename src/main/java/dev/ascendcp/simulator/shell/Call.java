package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One invocation of a {@link Program}: its arguments, environment, streams and the shell that runs it. */
public final class Call {

    private final String name;
    private final List<String> args;
    private final Env env;
    private final Io io;
    private final Shell shell;

    Call(String name, List<String> args, Env env, Io io, Shell shell) {
        this.name = name;
        this.args = List.copyOf(args);
        this.env = env;
        this.io = io;
        this.shell = shell;
    }

    public String name() {
        return name;
    }

    /** The arguments after the command name. */
    public List<String> args() {
        return args;
    }

    /** The environment of this process (its exported variables). */
    public Env env() {
        return env;
    }

    public Io io() {
        return io;
    }

    public InputStream in() {
        return io.in();
    }

    public Machine machine() {
        return shell.machine();
    }

    public SimProcess process() {
        return shell.process();
    }

    public String cwd() {
        return shell.cwd();
    }

    public String path(String p) {
        return VirtualFs.resolve(shell.cwd(), p);
    }

    public void out(String text) throws IOException {
        io.out().write(text.getBytes(StandardCharsets.UTF_8));
        io.out().flush();
    }

    public void outln(String line) throws IOException {
        out(line + "\n");
    }

    public void errln(String line) throws IOException {
        io.err().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        io.err().flush();
    }

    /** Prints {@code message} to stderr and returns {@code status}. */
    public int fail(int status, String message) throws IOException {
        errln(message);
        return status;
    }

    /** Runs another command (argv[0] is its name) in this process, with the given environment. */
    public int exec(List<String> argv, Env childEnv) throws IOException, InterruptedException {
        return shell.runArgv(argv, childEnv, io);
    }

    /** Runs a script as {@code sh -c} would: a child shell process. */
    public int runScript(String script, List<String> positional, @Nullable String user)
            throws IOException, InterruptedException {
        return shell.runChildScript(script, positional, env, io, user);
    }

    /** Runs argv as a child process; {@code started} sees the child before it runs (to arm a timer). */
    public int runChild(
            List<String> argv, Env childEnv, String asUser, java.util.function.@Nullable Consumer<SimProcess> started)
            throws IOException, InterruptedException {
        return shell.runChild(argv, childEnv, io, asUser, started);
    }

    /** The user this process runs as. */
    public String user() {
        return shell.user();
    }

    /** The remaining lines of standard input. */
    public List<String> stdinLines() throws IOException {
        String text = new String(io.in().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
