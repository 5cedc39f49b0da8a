package dev.ascendcp.simulator.shell;

import dev.ascendcp.simulator.shell.Ast.Redirect;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Applies {@code > >> < n>&m} redirections to a command's streams, and closes the files afterwards. */
final class Redirections {

    /** A redirection that could not be set up; the message is already on stderr. */
    static final class Failure extends Exception {
        Failure() {
            super(null, null, false, false);
        }
    }

    private final Shell shell;
    private final List<Closeable> opened = new ArrayList<>();

    Redirections(Shell shell) {
        this.shell = shell;
    }

    Io apply(List<Redirect> redirects, Io io) throws Failure {
        Io result = io;
        for (Redirect r : redirects) {
            String target = shell.expander().single(r.target());
            if (r.op().equals("<")) {
                result = result.withIn(input(target, result));
            } else {
                OutputStream out =
                        r.op().equals(">&") ? duplicate(target, result) : output(target, r.op().equals(">>"), result);
                result = r.fd() == 2 ? result.withErr(out) : r.fd() == 1 ? result.withOut(out) : result;
            }
        }
        return result;
    }

    private OutputStream duplicate(String target, Io io) throws Failure {
        return switch (target) {
            case "1" -> io.out();
            case "2" -> io.err();
            case "-" -> OutputStream.nullOutputStream();
            default -> throw fail(io, "sh: 1: Syntax error: Bad fd number");
        };
    }

    private OutputStream output(String target, boolean append, Io io) throws Failure {
        VirtualFs fs = shell.machine().fs();
        String path = VirtualFs.resolve(shell.cwd(), target);
        if (path.equals("/dev/null") || fs.isDevice(path)) {
            return OutputStream.nullOutputStream();
        }
        if (fs.isDirectory(path)) {
            throw fail(io, "sh: 1: cannot create " + target + ": Is a directory");
        }
        if (!fs.isDirectory(VirtualFs.parent(path))) {
            throw fail(io, "sh: 1: cannot create " + target + ": Directory nonexistent");
        }
        OutputStream out = fs.openWrite(path, append);
        opened.add(out);
        return out;
    }

    private InputStream input(String target, Io io) throws Failure {
        String path = VirtualFs.resolve(shell.cwd(), target);
        InputStream in = shell.machine().fs().openRead(path);
        if (in == null) {
            throw fail(io, "sh: 1: cannot open " + target + ": No such file");
        }
        opened.add(in);
        return in;
    }

    private static Failure fail(Io io, String message) {
        Shell.writeQuietly(io, message);
        return new Failure();
    }

    void close() {
        for (Closeable c : opened) {
            try {
                c.close();
            } catch (IOException ignored) {
                // in-memory streams do not fail to close
            }
        }
    }
}
