package dev.ascendcp.simulator.apps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The subset of {@code docker inspect} a control plane reads, with docker's field names. */
final class InspectJson {

    private InspectJson() {}

    static Map<String, Object> of(Container c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", c.running() ? "running" : "exited");
        state.put("Running", c.running());
        state.put("ExitCode", c.running() ? 0 : 137);
        List<String> env = new ArrayList<>();
        c.env().forEach((k, v) -> env.add(k + "=" + v));
        env.add("PATH=" + DockerCli.CONTAINER_PATH);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Image", c.image());
        config.put("Env", env);
        config.put("Cmd", c.options().command());
        config.put("Labels", c.labels());
        List<Map<String, String>> devices = new ArrayList<>();
        for (String d : c.devices()) {
            devices.add(Map.of("PathOnHost", d, "PathInContainer", d, "CgroupPermissions", "rwm"));
        }
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("NetworkMode", c.options().network());
        host.put("Privileged", c.options().privileged());
        host.put("ShmSize", shmBytes(c.options().shmSize()));
        host.put("Devices", devices);
        host.put("Binds", c.options().volumes());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Id", c.id());
        json.put("Created", c.created().toString());
        json.put("State", state);
        json.put("Image", c.imageId());
        json.put("Name", "/" + c.name());
        json.put("HostConfig", host);
        json.put("Config", config);
        return json;
    }

    /** Docker's size syntax: {@code 1g}, {@code 10.24g}, {@code 512m}, {@code 64k} or bytes. */
    static long shmBytes(String size) {
        String s = size.toLowerCase().replace("b", "");
        double factor = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'g' -> 1 << 30;
            case 'm' -> 1 << 20;
            case 'k' -> 1 << 10;
            default -> 1;
        };
        String num = factor == 1 ? s : s.substring(0, s.length() - 1);
        try {
            return (long) (Double.parseDouble(num) * factor);
        } catch (NumberFormatException e) {
            return 64L << 20;
        }
    }
}
