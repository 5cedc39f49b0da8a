package dev.ascendcp.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a YAML inventory: a list of node objects (the JSON API's fields, with {@code credential} accepted as a name
 * or id), or {@code {nodes: [...]}}. Only plain data is constructed, and aliases and nesting are bounded.
 */
final class YamlImportParser {

    private YamlImportParser() {}

    static List<ImportRow> parse(String text, int maxBytes) {
        Object document = load(text, maxBytes);
        if (document instanceof Map<?, ?> map && map.size() == 1 && map.get("nodes") instanceof List<?> list) {
            document = list;
        }
        if (!(document instanceof List<?> list)) {
            throw InventoryException.invalid(
                    List.of(new FieldProblem("body", "must be a list of nodes or a mapping {nodes: [...]}")));
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ImportRow row = new ImportRow(i + 1);
            if (list.get(i) instanceof Map<?, ?> fields) {
                fields.forEach((key, value) -> {
                    if (value != null) {
                        row.fields.put(String.valueOf(key), value);
                    }
                });
            } else {
                row.problems.add(new FieldProblem("row", "must be a mapping of node fields"));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object load(String text, int maxBytes) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(10);
        options.setCodePointLimit(Math.max(maxBytes, 1));
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            // The parser's message quotes the input; say only where it failed.
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw InventoryException.invalid(
                    List.of(new FieldProblem("body", "is not valid YAML (line " + line + ")")));
        } catch (YAMLException e) {
            throw InventoryException.invalid(List.of(new FieldProblem("body", "is not valid YAML")));
        }
    }
}
