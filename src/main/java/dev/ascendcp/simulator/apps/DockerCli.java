package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.SimulatedNode;
import dev.ascendcp.simulator.shell.Call;
import dev.ascendcp.simulator.shell.Env;
import dev.ascendcp.simulator.shell.Program;
import dev.ascendcp.simulator.shell.SimProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker run|exec|rm|ps|inspect|images|image inspect|pull|version|info} against a node's {@link DockerEngine}. */
public final class DockerCli implements Program {

    static final String CONTAINER_PATH =
            "/usr/local/python3.11.13/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final SimulatedNode node;
    private final DockerEngine engine;

    public DockerCli(SimulatedNode node, DockerEngine engine) {
        this.node = node;
        this.engine = engine;
    }

    @Override
    public int run(Call call) throws IOException, InterruptedException {
        List<String> a = call.args();
        if (a.isEmpty()) {
            return call.fail(1, "Usage:  docker [OPTIONS] COMMAND");
        }
        List<String> rest = a.subList(1, a.size());
        DockerQueries q = new DockerQueries(engine);
        return switch (a.get(0)) {
            case "run" -> run(call, rest);
            case "exec" -> exec(call, rest);
            case "rm" -> rm(call, rest);
            case "stop" -> stop(call, rest);
            case "ps" -> q.ps(call, rest);
            case "inspect" -> q.inspect(call, rest);
            case "images" -> q.images(call);
            case "image" -> rest.isEmpty() ? call.fail(1, "Usage:  docker image COMMAND") : q.image(call, rest);
            case "pull" ->
                rest.isEmpty()
                        ? call.fail(1, "\"docker pull\" requires exactly 1 argument.")
                        : q.pull(call, rest.get(0));
            case "version" -> q.version(call, rest);
            case "info" -> q.info(call, rest);
            default -> call.fail(1, "docker: '" + a.get(0) + "' is not a docker command.\nSee 'docker --help'");
        };
    }

    private int run(Call call, List<String> args) throws IOException, InterruptedException {
        RunOptions o = RunOptions.parse(args, engine.nextName());
        if (o == null) {
            return call.fail(125, "docker: 'docker run' requires at least 1 argument.\nSee 'docker run --help'.");
        }
        Container existing = engine.find(o.name());
        if (existing != null) {
            return call.fail(
                    125,
                    "docker: Error response from daemon: Conflict. The container name \"/" + o.name()
                            + "\" is already in use by container \"" + existing.id()
                            + "\". You have to remove (or rename) that"
                            + " container to be able to reuse that name.\nSee 'docker run --help'.");
        }
        for (String dev : o.devices()) {
            if (!node.fileSystem().exists(dev)) {
                return call.fail(
                        125,
                        "docker: Error response from daemon: error gathering device information while adding"
                                + " custom device \"" + dev
                                + "\": no such file or directory.\nSee 'docker run --help'.");
            }
        }
        String imageId = engine.image(o.image());
        if (imageId == null) {
            call.errln("Unable to find image '" + DockerEngine.normalize(o.image()) + "' locally");
            if (new DockerQueries(engine).pull(call, o.image()) != 0) {
                return 125;
            }
            imageId = engine.image(o.image());
        }
        Container c = engine.create(o, imageId);
        if (o.detach()) {
            call.outln(c.id());
        }
        return 0;
    }

    private int exec(Call call, List<String> args) throws IOException, InterruptedException {
        boolean detach = false;
        Env env = containerEnvBase();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String opt = args.get(i++);
            if ((opt.equals("-e") || opt.equals("--env")) && i < args.size()) {
                String kv = args.get(i++);
                int eq = kv.indexOf('=');
                env.export(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            } else if ((opt.equals("-w") || opt.equals("-u") || opt.equals("--workdir") || opt.equals("--user"))
                    && i < args.size()) {
                i++;
            } else {
                detach |= opt.equals("-d") || opt.equals("--detach") || (!opt.startsWith("--") && opt.contains("d"));
            }
        }
        if (i + 1 >= args.size()) {
            return call.fail(1, "\"docker exec\" requires at least 2 arguments.");
        }
        Container c = engine.find(args.get(i));
        if (c == null) {
            return call.fail(1, "Error response from daemon: No such container: " + args.get(i));
        }
        if (!c.running()) {
            return call.fail(1, "Error response from daemon: container " + c.id() + " is not running");
        }
        Env full = withContainerEnv(c, env);
        List<String> cmd = new ArrayList<>(args.subList(i + 1, args.size()));
        if (call.machine().program(cmd.get(0)) == null) {
            return call.fail(
                    126,
                    "OCI runtime exec failed: exec failed: unable to start container process: exec: \"" + cmd.get(0)
                            + "\": executable file not found in $PATH: unknown");
        }
        if (detach) {
            ContainerTasks.startDetached(node, c, cmd, full);
            return 0;
        }
        return call.runChild(
                cmd, full, "root", (SimProcess p) -> c.processGroups().add(p.pgid()));
    }

    private static Env containerEnvBase() {
        return Env.of(Map.of());
    }

    private Env withContainerEnv(Container c, Env execEnv) {
        Env env = Env.of(Map.of("PATH", CONTAINER_PATH, "HOME", "/root", "HOSTNAME", node.name()));
        c.env().forEach(env::export);
        execEnv.exportedMap().forEach(env::export);
        return env.inContainer(c.name());
    }

    private int rm(Call call, List<String> args) throws IOException {
        boolean force = args.stream().anyMatch(a -> a.equals("-f") || a.equals("--force"));
        int status = 0;
        for (String name : args.stream().filter(a -> !a.startsWith("-")).toList()) {
            Container c = engine.find(name);
            if (c == null) {
                status = call.fail(1, "Error response from daemon: No such container: " + name);
            } else if (c.running() && !force) {
                status = call.fail(
                        1,
                        "Error response from daemon: cannot remove container \"/" + c.name() + "\": container is"
                                + " running: stop the container before removing or force remove");
            } else {
                ContainerTasks.killAll(node, c);
                engine.remove(c);
                call.outln(name);
            }
        }
        return status;
    }

    private int stop(Call call, List<String> args) throws IOException {
        int status = 0;
        for (String name : args.stream().filter(a -> !a.startsWith("-")).toList()) {
            Container c = engine.find(name);
            if (c == null) {
                status = call.fail(1, "Error response from daemon: No such container: " + name);
                continue;
            }
            ContainerTasks.killAll(node, c);
            c.stop();
            if (c.options().remove()) {
                engine.remove(c);
            }
            call.outln(name);
        }
        return status;
    }
}
