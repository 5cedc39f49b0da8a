package dev.ascendcp.simulator.shell;

import dev.ascendcp.simulator.shell.Ast.AndOr;
import dev.ascendcp.simulator.shell.Ast.ForLoop;
import dev.ascendcp.simulator.shell.Ast.Group;
import dev.ascendcp.simulator.shell.Ast.IfElse;
import dev.ascendcp.simulator.shell.Ast.Item;
import dev.ascendcp.simulator.shell.Ast.Node;
import dev.ascendcp.simulator.shell.Ast.Pipeline;
import dev.ascendcp.simulator.shell.Ast.Sequence;
import dev.ascendcp.simulator.shell.Ast.Simple;
import dev.ascendcp.simulator.shell.Ast.WhileLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** One shell process interpreting a script on a simulated node. */
public final class Shell {

    private final Machine machine;
    private final SimProcess process;
    private final Env env;
    private final String user;
    private final List<String> positional;
    private String cwd;
    private int lastStatus;
    private int lastBackground;
    private final List<Thread> jobs = new ArrayList<>();
    private boolean replacing;

    Shell(Machine machine, SimProcess process, Env env, String user, String cwd, List<String> positional) {
        this.machine = machine;
        this.process = process;
        this.env = env;
        this.user = user;
        this.cwd = cwd;
        this.positional = positional;
    }

    /** The shell of an SSH exec request, running as the login user in its home directory. */
    public static Shell login(Machine machine, SimProcess process, Env env) {
        String home = env.get("HOME");
        return new Shell(machine, process, env, machine.username(), home == null ? "/" : home, List.of("sh"));
    }

    Machine machine() {
        return machine;
    }

    SimProcess process() {
        return process;
    }

    String cwd() {
        return cwd;
    }

    void cd(String dir) {
        cwd = dir;
    }

    String user() {
        return user;
    }

    Env env() {
        return env;
    }

    /** The next child this shell would start replaces it instead ({@code exec}). */
    void replaceOnNextChild() {
        replacing = true;
    }

    private SimProcess childProcess(String command) {
        if (replacing) {
            replacing = false;
            return process;
        }
        SimProcess child = machine.processes().startChild(process, command);
        child.bind(Thread.currentThread());
        return child;
    }

    private void childExited(SimProcess child) {
        if (child != process) {
            machine.processes().exited(child);
        }
    }

    /** Runs a whole script and returns its exit status, like {@code sh -c script}. */
    public int run(String script, Io io) {
        try {
            Node node = Parser.parse(script);
            return exec(node, io);
        } catch (SyntaxError e) {
            writeQuietly(io, "sh: 1: " + e.getMessage());
            return 2;
        } catch (ExitException e) {
            return e.status();
        } catch (InterruptedException e) {
            return 128 + Math.max(process.signal(), 1);
        } catch (IOException e) {
            return 141;
        }
    }

    int exec(Node node, Io io) throws IOException, InterruptedException {
        int status;
        if (node instanceof Simple s) {
            status = new SimpleRunner(this).run(s, io);
        } else if (node instanceof Pipeline p) {
            status = new PipelineRunner(this).run(p, io);
        } else if (node instanceof AndOr a) {
            status = andOr(a, io);
        } else if (node instanceof Sequence s) {
            status = sequence(s, io);
        } else if (node instanceof ForLoop f) {
            status = forLoop(f, io);
        } else if (node instanceof IfElse i) {
            status = ifElse(i, io);
        } else if (node instanceof WhileLoop w) {
            status = whileLoop(w, io);
        } else {
            status = group((Group) node, io);
        }
        lastStatus = status;
        checkSignal();
        return status;
    }

    void checkSignal() {
        if (process.signal() != 0) {
            throw new ExitException(128 + process.signal());
        }
    }

    private int andOr(AndOr a, Io io) throws IOException, InterruptedException {
        int left = exec(a.left(), io);
        boolean runRight = a.op().equals("&&") ? left == 0 : left != 0;
        return runRight ? exec(a.right(), io) : left;
    }

    private int sequence(Sequence s, Io io) throws IOException, InterruptedException {
        int status = 0;
        for (Item item : s.items()) {
            if (item.background()) {
                lastBackground = new BackgroundJob(this).start(item.node(), io, jobs);
                status = 0;
            } else {
                status = exec(item.node(), io);
            }
        }
        return status;
    }

    private int ifElse(IfElse i, Io io) throws IOException, InterruptedException {
        if (exec(i.condition(), io) == 0) {
            return exec(i.then(), io);
        }
        Node otherwise = i.otherwise();
        return otherwise == null ? 0 : exec(otherwise, io);
    }

    private int forLoop(ForLoop f, Io io) throws IOException, InterruptedException {
        int status = 0;
        for (String v : expander().fields(f.values())) {
            env.set(f.variable(), v);
            status = exec(f.body(), io);
        }
        return status;
    }

    private int whileLoop(WhileLoop w, Io io) throws IOException, InterruptedException {
        int status = 0;
        while ((exec(w.condition(), io) == 0) != w.until()) {
            status = exec(w.body(), io);
        }
        return status;
    }

    private int group(Group g, Io io) throws IOException, InterruptedException {
        Redirections redirections = new Redirections(this);
        try {
            Io redirected = redirections.apply(g.redirects(), io);
            if (!g.subshell()) {
                return exec(g.body(), redirected);
            }
            Shell sub = new Shell(machine, process, env.copy(), user, cwd, positional);
            try {
                return sub.exec(g.body(), redirected);
            } catch (ExitException e) {
                return e.status();
            }
        } catch (Redirections.Failure e) {
            return 2;
        } finally {
            redirections.close();
        }
    }

    /** Waits for this shell's background jobs ({@code wait}). */
    void awaitJobs() throws InterruptedException {
        for (Thread t : List.copyOf(jobs)) {
            t.join();
        }
    }

    int runArgv(List<String> argv, Env childEnv, Io io) throws IOException, InterruptedException {
        return new SimpleRunner(this).dispatch(argv, childEnv, io);
    }

    /** Runs argv as a child process (own pid, same group), optionally as another user. */
    int runChild(List<String> argv, Env childEnv, Io io, String asUser, @Nullable Consumer<SimProcess> started)
            throws IOException, InterruptedException {
        SimProcess child = childProcess(String.join(" ", argv));
        if (started != null) {
            started.accept(child);
        }
        try {
            Shell sub = new Shell(machine, child, childEnv, asUser, cwd, List.of("sh"));
            return sub.runArgv(argv, childEnv, io);
        } catch (ExitException e) {
            return e.status();
        } finally {
            childExited(child);
        }
    }

    int runChildScript(String script, List<String> positional, Env parentEnv, Io io, @Nullable String asUser) {
        SimProcess child = childProcess("sh -c " + script);
        try {
            String u = asUser == null ? user : asUser;
            Shell sub = new Shell(
                    machine, child, parentEnv.child(), u, cwd, positional.isEmpty() ? List.of("sh") : positional);
            return sub.run(script, io);
        } finally {
            childExited(child);
        }
    }

    Expander expander() {
        return new Expander(this::variable, machine.fs(), cwd);
    }

    @Nullable
    String variable(String name) {
        return switch (name) {
            case "$" -> String.valueOf(process.pid());
            case "?" -> String.valueOf(lastStatus);
            case "!" -> lastBackground == 0 ? "" : String.valueOf(lastBackground);
            case "#" -> String.valueOf(positional.size() - 1);
            default -> positionalOrVariable(name);
        };
    }

    private @Nullable String positionalOrVariable(String name) {
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            int i = Integer.parseInt(name);
            return i < positional.size() ? positional.get(i) : "";
        }
        return env.get(name);
    }

    static void writeQuietly(Io io, String line) {
        try {
            io.err().write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            io.err().flush();
        } catch (IOException ignored) {
            // the channel is gone; nobody is left to read the message
        }
    }
}
