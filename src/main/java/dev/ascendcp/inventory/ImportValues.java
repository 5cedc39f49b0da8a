package dev.ascendcp.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small conversions shared by the import parsers. */
final class ImportValues {

    private ImportValues() {}

    /** {@code k=v;k=v} into a map; a malformed pair is reported against {@code labels}. */
    static Map<String, String> labels(String text, List<FieldProblem> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                problems.add(new FieldProblem("labels", "must be key=value pairs separated by ';'"));
                return Map.of();
            }
            labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return labels;
    }

    /** Ansible-style booleans ({@code yes}, {@code True}, {@code 1}...) as {@code true}/{@code false}; others unchanged. */
    static String bool(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "y", "true", "1", "on" -> "true";
            case "no", "n", "false", "0", "off" -> "false";
            default -> value;
        };
    }
}
