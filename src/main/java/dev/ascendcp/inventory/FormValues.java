package dev.ascendcp.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The submitted values of a form, read into request fields. Conversion problems (a port that is not a number) are
 * collected under the field's name, like the validation errors, so that the page shows them next to the field.
 */
final class FormValues {

    private final MultiValueMap<String, String> params;
    final List<FieldProblem> problems = new ArrayList<>();

    FormValues(MultiValueMap<String, String> params) {
        this.params = params;
    }

    @Nullable
    String text(String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    List<String> all(String name) {
        List<String> values = params.get(name);
        return values == null
                ? List.of()
                : values.stream().filter(v -> !v.isBlank()).toList();
    }

    boolean checked(String name) {
        return params.containsKey(name);
    }

    @Nullable
    Integer integer(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "must be a whole number"));
            return null;
        }
    }

    @Nullable
    UUID uuid(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, "must be chosen from the list"));
            return null;
        }
    }

    /** Non-blank lines of a textarea. */
    @Nullable
    List<String> lines(String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** {@code KEY=value} lines of a textarea. */
    @Nullable
    Map<String, String> pairs(String name) {
        List<String> lines = lines(name);
        if (lines == null) {
            return null;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(new FieldProblem(name, "must be one KEY=value per line"));
                return null;
            }
            pairs.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return pairs;
    }

    /** The submitted values for re-display; secret fields are never echoed back. */
    /**
     * Saves the form when it was read without problems and answers where to go next; a save that the inventory
     * refuses adds its field problems instead. {@code null} means: show the form again with {@link #problems}.
     */
    @Nullable
    String saveIfValid(Supplier<String> save) {
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return save.get();
        } catch (InventoryException e) {
            problems.addAll(e.errors());
            return null;
        }
    }

    Map<String, String> echo(String... secretFields) {
        Map<String, String> echo = new LinkedHashMap<>();
        params.forEach((key, values) -> echo.put(key, values.isEmpty() ? "" : values.get(0)));
        for (String secret : secretFields) {
            echo.remove(secret);
        }
        return echo;
    }

    /** The first message per field, for the page's {@code .field-error} spans. */
    static Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String field = problem.field().replaceAll("\\[[^\\]]*\\]$", "");
            errors.putIfAbsent(field, problem.message());
            errors.putIfAbsent(problem.field(), problem.message());
        }
        return errors;
    }
}
