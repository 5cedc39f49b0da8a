package dev.ascendcp.inventory;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of the inventory's requests, with the field of each violation written as its JSON path
 * ({@code jumpHost.host}, {@code serve.extraArgs[0]}, {@code labels[rack]}). The JSON API, the forms and the import
 * all validate through here, so that they agree.
 */
@Component
class RequestValidator {

    private final Validator validator;

    RequestValidator(Validator validator) {
        this.validator = validator;
    }

    List<FieldProblem> problems(Object request) {
        return validator.validate(request).stream()
                .map(v -> new FieldProblem(field(v), String.valueOf(v.getMessage())))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .distinct()
                .toList();
    }

    /** Throws a 400 naming every rejected field. */
    void check(Object request) {
        List<FieldProblem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw InventoryException.invalid(problems);
        }
    }

    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                String text = String.valueOf(position);
                field.append('[')
                        .append(text.length() > 64 ? text.substring(0, 64) + "…" : text)
                        .append(']');
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }
}
