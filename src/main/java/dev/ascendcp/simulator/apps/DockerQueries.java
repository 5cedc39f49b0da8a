package dev.ascendcp.simulator.apps;

import dev.ascendcp.simulator.shell.Call;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/** The read-only docker commands and {@code pull}. */
final class DockerQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DockerEngine engine;

    DockerQueries(DockerEngine engine) {
        this.engine = engine;
    }

    int ps(Call call, List<String> a) throws IOException {
        boolean all = a.contains("-a") || a.contains("--all");
        boolean quiet = a.contains("-q");
        String filter = value(a, "--filter", "-f");
        String format = value(a, "--format", null);
        if (format == null && !quiet) {
            call.outln(String.format(
                    "%-15s%-40s%-23s%-15s%-15s%-10s%s",
                    "CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"));
        }
        for (Container c : engine.containers()) {
            if ((!all && !c.running()) || (filter != null && !matches(filter, c))) {
                continue;
            }
            String status = c.running() ? "Up 2 minutes" : "Exited (137) 1 minute ago";
            if (quiet) {
                call.outln(c.id().substring(0, 12));
            } else if (format != null) {
                call.outln(template(
                        format,
                        Map.of(
                                "ID",
                                c.id().substring(0, 12),
                                "Names",
                                c.name(),
                                "Image",
                                c.image(),
                                "Status",
                                status,
                                "State",
                                c.running() ? "running" : "exited",
                                "Command",
                                "\"" + String.join(" ", c.options().command()) + "\"")));
            } else {
                call.outln(String.format(
                        "%-15s%-40s%-23s%-15s%-15s%-10s%s",
                        c.id().substring(0, 12),
                        c.image(),
                        "\"" + String.join(" ", c.options().command()) + "\"",
                        "2 minutes ago",
                        status,
                        "",
                        c.name()));
            }
        }
        return 0;
    }

    private static boolean matches(String filter, Container c) {
        if (filter.startsWith("name=")) {
            return Pattern.compile(filter.substring(5)).matcher(c.name()).find();
        }
        if (filter.startsWith("label=")) {
            String kv = filter.substring(6);
            int eq = kv.indexOf('=');
            return eq < 0
                    ? c.labels().containsKey(kv)
                    : kv.substring(eq + 1).equals(c.labels().get(kv.substring(0, eq)));
        }
        if (filter.startsWith("status=")) {
            return filter.substring(7).equals(c.running() ? "running" : "exited");
        }
        return true;
    }

    private static String value(List<String> a, String longName, String shortName) {
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            if ((x.equals(longName) || x.equals(shortName)) && i + 1 < a.size()) {
                return a.get(i + 1);
            }
            if (x.startsWith(longName + "=")) {
                return x.substring(longName.length() + 1);
            }
        }
        return null;
    }

    /** Replaces {@code {{.Field}}}, {@code {{.A.B}}} and {@code {{json .A}}} from a (nested) map. */
    static String template(String format, Map<String, ?> data) {
        var m = Pattern.compile("\\{\\{\\s*(json\\s+)?\\.([A-Za-z0-9_.]*)\\s*\\}\\}")
                .matcher(format);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = data;
            for (String key : m.group(2).isEmpty() ? new String[0] : m.group(2).split("\\.")) {
                v = v instanceof Map<?, ?> map ? map.get(key) : null;
            }
            String text = m.group(1) != null
                    ? JSON.writeValueAsString(v)
                    : v instanceof Map<?, ?> map ? "map" + map : String.valueOf(v);
            m.appendReplacement(
                    sb,
                    java.util.regex.Matcher.quoteReplacement(v == null && m.group(1) == null ? "<no value>" : text));
        }
        m.appendTail(sb);
        return sb.toString().replace("\\n", "\n").replace("\\t", "\t");
    }

    int inspect(Call call, List<String> a) throws IOException {
        String format = value(a, "--format", "-f");
        List<Object> found = new ArrayList<>();
        int status = 0;
        for (String name : names(a)) {
            Container c = engine.find(name);
            if (c == null) {
                status = call.fail(1, "Error: No such object: " + name);
                continue;
            }
            Map<String, Object> json = InspectJson.of(c);
            if (format != null) {
                call.outln(template(format, json));
            } else {
                found.add(json);
            }
        }
        if (format == null) {
            call.outln(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(found));
        }
        return status;
    }

    private static List<String> names(List<String> a) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals("--format") || a.get(i).equals("-f") || a.get(i).equals("--type")) {
                i++;
            } else if (!a.get(i).startsWith("-")) {
                names.add(a.get(i));
            }
        }
        return names;
    }

    int images(Call call) throws IOException {
        call.outln(String.format("%-40s%-15s%-15s%-15s%s", "REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"));
        for (Map.Entry<String, String> e : engine.images().entrySet()) {
            String ref = e.getKey();
            int colon = ref.lastIndexOf(':');
            call.outln(String.format(
                    "%-40s%-15s%-15s%-15s%s",
                    ref.substring(0, colon),
                    ref.substring(colon + 1),
                    e.getValue().substring(7, 19),
                    "3 weeks ago",
                    "15.2GB"));
        }
        return 0;
    }

    int image(Call call, List<String> a) throws IOException {
        if (!a.get(0).equals("inspect")) {
            return call.fail(1, "docker: 'image " + a.get(0) + "' is not a docker command.");
        }
        String format = value(a, "--format", "-f");
        int status = 0;
        for (String ref : names(a.subList(1, a.size()))) {
            String id = engine.image(ref);
            if (id == null) {
                status = call.fail(1, "Error: No such image: " + ref);
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("Id", id);
            json.put("RepoTags", List.of(DockerEngine.normalize(ref)));
            call.outln(
                    format != null
                            ? template(format, json)
                            : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(json)));
        }
        return status;
    }

    int pull(Call call, String ref) throws IOException, InterruptedException {
        String full = DockerEngine.normalize(ref);
        String tag = full.substring(full.lastIndexOf(':') + 1);
        String repo = full.substring(0, full.lastIndexOf(':'));
        if (!DockerEngine.pullable(full)) {
            return call.fail(
                    1,
                    "Error response from daemon: pull access denied for " + repo + ", repository does not exist"
                            + " or may require 'docker login': denied: requested access to the resource is denied");
        }
        String id = engine.image(full);
        call.outln(tag + ": Pulling from " + repo.substring(repo.indexOf('/') + 1));
        if (id == null) {
            for (String layer : List.of("8a1e25ce7c4f", "2f94e549220a", "c1b9e6f8ad51")) {
                call.outln(layer + ": Pulling fs layer");
                Thread.sleep(100);
                call.outln(layer + ": Download complete");
                call.outln(layer + ": Pull complete");
            }
            engine.putImage(full, DockerEngine.imageId(full));
        }
        call.outln("Digest: sha256:" + DockerEngine.imageId(full + "@digest").substring(7));
        call.outln("Status: " + (id == null ? "Downloaded newer image for " : "Image is up to date for ") + full);
        call.outln(full);
        return 0;
    }

    int version(Call call, List<String> a) throws IOException {
        String format = value(a, "--format", "-f");
        Map<String, Object> data = Map.of("Client", Map.of("Version", "24.0.7"), "Server", Map.of("Version", "24.0.7"));
        call.outln(
                format != null
                        ? template(format, data)
                        : "Client:\n Version:           24.0.7\n\nServer:\n Engine:\n  Version:          24.0.7");
        return 0;
    }

    int info(Call call, List<String> a) throws IOException {
        String format = value(a, "--format", "-f");
        Map<String, Object> data = Map.of(
                "ServerVersion", "24.0.7", "Containers", engine.containers().size());
        call.outln(
                format != null
                        ? template(format, data)
                        : "Server Version: 24.0.7\nContainers: "
                                + engine.containers().size());
        return 0;
    }
}
