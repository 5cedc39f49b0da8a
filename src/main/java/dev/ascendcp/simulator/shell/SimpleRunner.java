package dev.ascendcp.simulator.shell;

import dev.ascendcp.simulator.shell.Ast.Assignment;
import dev.ascendcp.simulator.shell.Ast.Simple;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Runs a simple command: expansion, assignments, redirections, then a special built-in or a program. */
final class SimpleRunner {

    private static final Set<String> SPECIAL =
            Set.of("export", "unset", "cd", "exit", "exec", "set", ":", "wait", "shift");

    private final Shell shell;

    SimpleRunner(Shell shell) {
        this.shell = shell;
    }

    int run(Simple s, Io io) throws IOException, InterruptedException {
        Expander expander = shell.expander();
        List<String> argv = expander.fields(s.words());
        Redirections redirections = new Redirections(shell);
        try {
            Io redirected = redirections.apply(s.redirects(), io);
            if (argv.isEmpty()) {
                for (Assignment a : s.assignments()) {
                    shell.env().set(a.name(), expander.single(a.value()));
                }
                return 0;
            }
            Env childEnv = shell.env().child();
            for (Assignment a : s.assignments()) {
                childEnv.export(a.name(), expander.single(a.value()));
            }
            return dispatch(argv, childEnv, redirected);
        } catch (Redirections.Failure e) {
            return 2;
        } finally {
            redirections.close();
        }
    }

    int dispatch(List<String> argv, Env childEnv, Io io) throws IOException, InterruptedException {
        String name = argv.get(0);
        if (SPECIAL.contains(name)) {
            return special(name, argv.subList(1, argv.size()), childEnv, io);
        }
        Program program = shell.machine().program(name);
        if (program == null) {
            Shell.writeQuietly(io, "sh: 1: " + name + ": not found");
            return 127;
        }
        Call call = new Call(name, argv.subList(1, argv.size()), childEnv, io, shell);
        try {
            return program.run(call);
        } catch (InterruptedException e) {
            shell.checkSignal();
            return 130;
        } catch (IOException e) {
            shell.checkSignal();
            return 141;
        }
    }

    private int special(String name, List<String> args, Env childEnv, Io io) throws IOException, InterruptedException {
        Env env = shell.env();
        switch (name) {
            case "export" -> args.forEach(a -> exportOne(env, a));
            case "unset" -> args.forEach(env::unset);
            case "cd" -> {
                return cd(args, io);
            }
            case "exit" -> throw new ExitException(args.isEmpty() ? 0 : parseStatus(args.get(0)));
            case "exec" -> {
                if (args.isEmpty()) {
                    return 0;
                }
                shell.replaceOnNextChild();
                throw new ExitException(dispatch(args, childEnv, io));
            }
            case "wait" -> shell.awaitJobs();
            default -> {
                // set, shift and ':' change nothing the simulator models
            }
        }
        return 0;
    }

    private static void exportOne(Env env, String arg) {
        int eq = arg.indexOf('=');
        if (eq > 0) {
            env.export(arg.substring(0, eq), arg.substring(eq + 1));
        } else {
            env.export(arg);
        }
    }

    private int cd(List<String> args, Io io) {
        String home = shell.env().get("HOME");
        String target = args.isEmpty() ? (home == null ? "/" : home) : args.get(0);
        String path = VirtualFs.resolve(shell.cwd(), target);
        if (!shell.machine().fs().isDirectory(path)) {
            Shell.writeQuietly(io, "sh: 1: cd: can't cd to " + target);
            return 2;
        }
        shell.cd(path);
        return 0;
    }

    private static int parseStatus(String s) {
        try {
            return Integer.parseInt(s) & 0xff;
        } catch (NumberFormatException e) {
            return 2;
        }
    }
}
