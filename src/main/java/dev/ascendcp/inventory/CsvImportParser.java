package dev.ascendcp.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV inventory: a header row of {@code name,host,sshPort,credential,localIp,nicName,npuCount,sudo,labels}
 * (any order, any case; only {@code name}, {@code host} and {@code credential} are required), labels as
 * {@code k=v;k=v}. Fields may be quoted as in RFC 4180.
 */
final class CsvImportParser {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("name", "name"),
            Map.entry("host", "host"),
            Map.entry("sshport", "sshPort"),
            Map.entry("credential", "credential"),
            Map.entry("credentialid", "credential"),
            Map.entry("localip", "localIp"),
            Map.entry("nicname", "nicName"),
            Map.entry("npucount", "npuCount"),
            Map.entry("sudo", "sudo"),
            Map.entry("labels", "labels"),
            Map.entry("hostkeypolicy", "hostKeyPolicy"));

    private CsvImportParser() {}

    static List<ImportRow> parse(String text) {
        List<Record> records = records(text);
        if (records.isEmpty()) {
            throw InventoryException.invalid(List.of(new FieldProblem("body", "is empty: expected a header row")));
        }
        List<String> header = new ArrayList<>();
        for (String column : records.get(0).cells()) {
            String field = COLUMNS.get(column.strip().toLowerCase(Locale.ROOT));
            if (field == null) {
                throw InventoryException.invalid(List.of(new FieldProblem(
                        "header", "has an unknown column; allowed: " + String.join(",", COLUMNS.keySet()))));
            }
            header.add(field);
        }
        List<ImportRow> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            rows.add(row(record, header));
        }
        return rows;
    }

    private static ImportRow row(Record record, List<String> header) {
        ImportRow row = new ImportRow(record.line());
        if (record.cells().size() != header.size()) {
            row.problems.add(new FieldProblem(
                    "row", "has " + record.cells().size() + " cells but the header has " + header.size()));
            return row;
        }
        for (int i = 0; i < header.size(); i++) {
            String value = record.cells().get(i).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (header.get(i).equals("labels")) {
                row.fields.put("labels", ImportValues.labels(value, row.problems));
            } else if (header.get(i).equals("sudo")) {
                row.fields.put("sudo", ImportValues.bool(value));
            } else {
                row.fields.put(header.get(i), value);
            }
        }
        return row;
    }

    record Record(int line, List<String> cells) {}

    /** RFC 4180 records; blank lines are skipped. */
    static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !cell.isEmpty()) {
                    cells.add(cell.toString());
                    records.add(new Record(start, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                any = false;
                line++;
                start = line;
            } else {
                cell.append(c);
            }
        }
        if (any || !cell.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(start, List.copyOf(cells)));
        }
        return records;
    }
}
