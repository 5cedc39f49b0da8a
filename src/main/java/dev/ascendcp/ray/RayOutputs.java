package dev.ascendcp.ray;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parsers of the outputs the phases read: {@code ray start}, {@code ray list nodes}, {@code ip}, {@code ss}, {@code df}. */
final class RayOutputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The prefix Ray's cli_logger puts on every line when stdout is not a TTY. */
    private static final Pattern LOG_PREFIX =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}\\s+[A-Z]+ \\S+ -- ");

    /** Kept stable by Ray because its own Java driver parses it (scripts.py). */
    private static final Pattern ADDRESS_LINE = Pattern.compile("^\\s*ray start --address='([^']+)'");

    private RayOutputs() {}

    /** The address workers join, from the head's {@code ray start --address='ip:port'} line. */
    static Optional<String> headAddress(String output) {
        for (String line : output.split("\\R")) {
            Matcher m = ADDRESS_LINE.matcher(LOG_PREFIX.matcher(line).replaceFirst(""));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The rows of {@code ray list nodes --format json}: a top-level array; DEAD rows stay in it. */
    static List<RayNodeInfo> nodes(String json) {
        String text = json.strip();
        int start = text.indexOf('[');
        if (start < 0) {
            throw new IllegalArgumentException("not a JSON array of Ray nodes");
        }
        JsonNode root = JSON.readTree(text.substring(start));
        List<RayNodeInfo> nodes = new ArrayList<>();
        for (JsonNode row : root) {
            JsonNode resources = row.path("resources_total");
            nodes.add(new RayNodeInfo(
                    row.path("node_id").asString(""),
                    row.path("node_ip").asString(""),
                    row.path("is_head_node").asBoolean(false),
                    "ALIVE".equals(row.path("state").asString("")),
                    resources.path("NPU").asDouble(0),
                    resources.path("GPU").asDouble(0)));
        }
        return nodes;
    }

    /** The IPv4 addresses {@code ip -o -4 addr show dev NIC} lists (without the prefix length). */
    static List<String> ipv4Addresses(String output) {
        List<String> addresses = new ArrayList<>();
        Matcher m = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+)/\\d+").matcher(output);
        while (m.find()) {
            addresses.add(m.group(1));
        }
        return addresses;
    }

    /** The local addresses {@code ss -ltn} shows listening on {@code port} (any IP, v4 or v6). */
    static List<String> listenersOn(String output, int port) {
        List<String> found = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[0].equals("LISTEN") && cols[3].endsWith(":" + port)) {
                found.add(cols[3]);
            }
        }
        return found;
    }

    /** The size in KiB of the file system {@code df -k PATH} reports (second column of the data line). */
    static Optional<Long> dfSizeKb(String output) {
        String[] lines = output.strip().split("\\R");
        for (int i = lines.length - 1; i >= 1; i--) {
            String[] cols = lines[i].trim().split("\\s+");
            if (cols.length >= 2 && cols[1].matches("\\d+")) {
                return Optional.of(Long.parseLong(cols[1]));
            }
        }
        return Optional.empty();
    }

    /** How many processes {@code ray stop} reports it stopped (0 for "Did not find any active Ray processes."). */
    static int stoppedProcesses(String output) {
        Matcher m = Pattern.compile("Stopped all (\\d+) Ray processes").matcher(output);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Docker's size syntax ({@code 10g}, {@code 512m}, {@code 10.24g}, bytes) in bytes; empty when unreadable. */
    static Optional<Long> dockerSize(String size) {
        Matcher m = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)([bkmg]?)b?").matcher(size.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        long factor = switch (m.group(2).toLowerCase()) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1L;
        };
        return Optional.of((long) (n * factor));
    }
}
