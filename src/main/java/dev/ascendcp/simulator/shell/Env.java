package dev.ascendcp.simulator.shell;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Shell variables of one shell process; only exported ones reach child processes. */
public final class Env {

    private final Map<String, String> vars = new LinkedHashMap<>();
    private final Set<String> exported = new HashSet<>();
    private @Nullable String container;

    /** The container this process runs in ({@code docker exec}), or {@code null} on the host. */
    public synchronized @Nullable String container() {
        return container;
    }

    public synchronized Env inContainer(@Nullable String name) {
        container = name;
        return this;
    }

    public static Env of(Map<String, String> exportedVars) {
        Env env = new Env();
        exportedVars.forEach(env::export);
        return env;
    }

    public synchronized @Nullable String get(String name) {
        return vars.get(name);
    }

    public synchronized void set(String name, String value) {
        vars.put(name, value);
    }

    public synchronized void export(String name, String value) {
        vars.put(name, value);
        exported.add(name);
    }

    public synchronized void export(String name) {
        exported.add(name);
        vars.putIfAbsent(name, "");
    }

    public synchronized void unset(String name) {
        vars.remove(name);
        exported.remove(name);
    }

    /** The environment a child process starts with: the exported variables. */
    public synchronized Env child() {
        Env env = new Env();
        env.container = container;
        for (String name : exported) {
            String v = vars.get(name);
            if (v != null) {
                env.export(name, v);
            }
        }
        return env;
    }

    /** A full copy (a subshell keeps unexported variables too). */
    public synchronized Env copy() {
        Env env = new Env();
        env.container = container;
        env.vars.putAll(vars);
        env.exported.addAll(exported);
        return env;
    }

    /** The exported variables, sorted by name. */
    public synchronized Map<String, String> exportedMap() {
        Map<String, String> map = new TreeMap<>();
        for (String name : exported) {
            String v = vars.get(name);
            if (v != null) {
                map.put(name, v);
            }
        }
        return map;
    }
}
