package dev.ascendcp.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One node read from an import file, before validation: its fields by their JSON names ({@code credential} may hold
 * a credential's name or id) and the problems found while reading it.
 */
final class ImportRow {

    final int row;
    final Map<String, Object> fields = new LinkedHashMap<>();
    final List<FieldProblem> problems = new ArrayList<>();

    /** A login name the source expects the credential to have (Ansible's {@code ansible_user}). */
    @Nullable
    String expectedUsername;

    ImportRow(int row) {
        this.row = row;
    }

    @Nullable
    String name() {
        Object name = fields.get("name");
        return name == null ? null : truncate(String.valueOf(name));
    }

    private static String truncate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
