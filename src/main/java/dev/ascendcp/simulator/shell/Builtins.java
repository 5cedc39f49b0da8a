package dev.ascendcp.simulator.shell;

import java.util.HashMap;
import java.util.Map;

/** The standard utilities every simulated node has. */
public final class Builtins {

    private Builtins() {}

    /** A fresh map of the utilities by name, to which a node adds its own tools. */
    public static Map<String, Program> standard() {
        Map<String, Program> m = new HashMap<>();
        TextCommands.register(m);
        FileCommands.register(m);
        SystemCommands.register(m);
        NetCommands.register(m);
        WrapperCommands.register(m);
        return m;
    }
}
