package dev.ascendcp.simulator.apps;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The options of {@code ray start} the simulator honours. */
record RayOptions(
        boolean head,
        int port,
        @Nullable String address,
        @Nullable String nodeIp,
        @Nullable Integer numGpus,
        @Nullable String resources,
        boolean block) {

    static RayOptions parse(List<String> a) {
        boolean head = false;
        boolean block = false;
        int port = 6379;
        String address = null;
        String nodeIp = null;
        Integer gpus = null;
        String resources = null;
        for (int i = 0; i < a.size(); i++) {
            String opt = a.get(i);
            String value = null;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                value = opt.substring(eq + 1);
                opt = opt.substring(0, eq);
            } else if (i + 1 < a.size()
                    && !a.get(i + 1).startsWith("--")
                    && !opt.equals("--head")
                    && !opt.equals("--block")
                    && !opt.equals("--disable-usage-stats")) {
                value = a.get(++i);
            }
            switch (opt) {
                case "--head" -> head = true;
                case "--block" -> block = true;
                case "--port" -> port = Integer.parseInt(strip(value));
                case "--address" -> address = strip(value);
                case "--node-ip-address" -> nodeIp = strip(value);
                case "--num-gpus" -> gpus = Integer.parseInt(strip(value));
                case "--resources" -> resources = strip(value);
                default -> {
                    // dashboard, usage-stats and port-range options change nothing the simulator models
                }
            }
        }
        return new RayOptions(head, port, address, nodeIp, gpus, resources, block);
    }

    private static String strip(@Nullable String v) {
        String s = v == null ? "" : v;
        return s.length() >= 2 && (s.startsWith("'") || s.startsWith("\"")) ? s.substring(1, s.length() - 1) : s;
    }
}
