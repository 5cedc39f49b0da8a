package dev.ascendcp.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Ansible INI inventory: {@code [group]} sections of host lines
 * {@code hostname ansible_host=… ansible_port=… ansible_user=… npu_count=… nic_name=… local_ip=… credential=…},
 * with {@code [group:vars]} applying to the group's hosts. The group becomes the label {@code group};
 * {@code [group:children]} sections and unknown variables are ignored.
 */
final class AnsibleIniImportParser {

    private static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("ansible_host", "host"),
            Map.entry("ansible_ssh_host", "host"),
            Map.entry("ansible_port", "sshPort"),
            Map.entry("ansible_ssh_port", "sshPort"),
            Map.entry("npu_count", "npuCount"),
            Map.entry("nic_name", "nicName"),
            Map.entry("local_ip", "localIp"),
            Map.entry("credential", "credential"),
            Map.entry("sudo", "sudo"),
            Map.entry("ansible_become", "sudo"),
            Map.entry("host_key_policy", "hostKeyPolicy"),
            Map.entry("name", "name"));

    private AnsibleIniImportParser() {}

    record HostLine(int line, String group, String hostname, Map<String, String> vars) {}

    static List<ImportRow> parse(String text) {
        List<HostLine> hosts = new ArrayList<>();
        Map<String, Map<String, String>> groupVars = new HashMap<>();
        String group = "ungrouped";
        String kind = "hosts";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String section = line.substring(1, line.length() - 1).strip();
                int colon = section.indexOf(':');
                group = colon < 0 ? section : section.substring(0, colon);
                kind = colon < 0 ? "hosts" : section.substring(colon + 1);
                continue;
            }
            List<String> tokens = tokens(line);
            if (kind.equals("vars")) {
                Map<String, String> vars = groupVars.computeIfAbsent(group, g -> new HashMap<>());
                String joined = String.join(" ", tokens);
                int eq = joined.indexOf('=');
                if (eq > 0) {
                    vars.put(
                            joined.substring(0, eq).strip(),
                            joined.substring(eq + 1).strip());
                }
            } else if (kind.equals("hosts")) {
                Map<String, String> vars = new LinkedHashMap<>();
                for (String token : tokens.subList(1, tokens.size())) {
                    int eq = token.indexOf('=');
                    vars.put(eq < 0 ? token : token.substring(0, eq), eq < 0 ? "" : token.substring(eq + 1));
                }
                hosts.add(new HostLine(i + 1, group, tokens.get(0), vars));
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        for (HostLine host : hosts) {
            Map<String, String> vars = new HashMap<>(groupVars.getOrDefault("all", Map.of()));
            vars.putAll(groupVars.getOrDefault(host.group(), Map.of()));
            vars.putAll(host.vars());
            rows.add(row(host, vars));
        }
        return rows;
    }

    private static ImportRow row(HostLine host, Map<String, String> vars) {
        ImportRow row = new ImportRow(host.line());
        row.fields.put("name", nameOf(host.hostname()));
        row.fields.put("host", host.hostname());
        vars.forEach((key, value) -> {
            String field = VARIABLES.get(key);
            if (field != null && !value.isEmpty()) {
                row.fields.put(field, field.equals("sudo") ? ImportValues.bool(value) : value);
            }
        });
        if (vars.containsKey("ansible_user")) {
            row.expectedUsername = vars.get("ansible_user");
        }
        if (!host.group().equals("ungrouped")) {
            row.fields.put("labels", Map.of("group", host.group()));
        }
        return row;
    }

    /** A host name such as {@code node-a.example.com} or {@code 10.0.0.11} as a node name: {@code node-a-example-com}. */
    static String nameOf(String hostname) {
        if (InventoryPatterns.isResourceName(hostname) || !InventoryPatterns.isHost(hostname)) {
            return hostname;
        }
        return hostname.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** Splits on blanks, keeping 'single' or "double" quoted parts together (quotes removed). */
    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    token.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else if (c == '#' && token.isEmpty()) {
                break;
            } else {
                token.append(c);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}
