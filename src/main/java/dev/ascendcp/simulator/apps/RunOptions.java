package dev.ascendcp.simulator.apps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The parsed options of {@code docker run}. */
public record RunOptions(
        String name,
        String image,
        List<String> command,
        boolean detach,
        boolean remove,
        String network,
        String shmSize,
        boolean privileged,
        List<String> devices,
        List<String> volumes,
        Map<String, String> env,
        Map<String, String> labels) {

    /** Parses the arguments after {@code run}; returns {@code null} when no image is given. */
    static @Nullable RunOptions parse(List<String> a, String generatedName) {
        String name = generatedName;
        String network = "bridge";
        String shm = "64m";
        boolean detach = false;
        boolean remove = false;
        boolean privileged = false;
        List<String> devices = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < a.size() && a.get(i).startsWith("-")) {
            String opt = a.get(i++);
            String value = null;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                value = opt.substring(eq + 1);
                opt = opt.substring(0, eq);
            }
            if (Flags.takesValue(opt) && value == null && i < a.size()) {
                value = a.get(i++);
            }
            String v = value == null ? "" : value;
            switch (opt) {
                case "--name" -> name = v;
                case "--net", "--network" -> network = v;
                case "--shm-size" -> shm = v;
                case "--device" -> devices.add(v.contains(":") ? v.substring(0, v.indexOf(':')) : v);
                case "-v", "--volume" -> volumes.add(v);
                case "-e", "--env" -> put(env, v);
                case "-l", "--label" -> put(labels, v);
                case "--privileged" -> privileged = !v.equals("false");
                case "--rm" -> remove = true;
                default -> {
                    detach |=
                            opt.equals("-d") || opt.equals("--detach") || (!opt.startsWith("--") && opt.contains("d"));
                }
            }
        }
        if (i >= a.size()) {
            return null;
        }
        return new RunOptions(
                name,
                a.get(i),
                List.copyOf(a.subList(i + 1, a.size())),
                detach,
                remove,
                network,
                shm,
                privileged,
                devices,
                volumes,
                env,
                labels);
    }

    private static void put(Map<String, String> map, String kv) {
        int eq = kv.indexOf('=');
        map.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
    }

    /** Which docker options take a value. */
    static final class Flags {
        private static final java.util.Set<String> WITH_VALUE = java.util.Set.of(
                "--name",
                "--net",
                "--network",
                "--shm-size",
                "--device",
                "-v",
                "--volume",
                "-e",
                "--env",
                "-l",
                "--label",
                "-w",
                "--workdir",
                "--entrypoint",
                "--ipc",
                "--pid",
                "-u",
                "--user",
                "-p",
                "--publish",
                "--cpus",
                "-m",
                "--memory",
                "--restart",
                "--ulimit",
                "--cap-add",
                "--security-opt",
                "--hostname",
                "-h",
                "--filter",
                "-f",
                "--format");

        private Flags() {}

        static boolean takesValue(String opt) {
            return WITH_VALUE.contains(opt);
        }
    }
}
