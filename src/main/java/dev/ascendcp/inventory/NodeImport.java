package dev.ascendcp.inventory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports nodes from CSV, YAML or an Ansible INI inventory. Each row is validated exactly like a JSON request and
 * stored in its own transaction: a bad row fails alone and leaves nothing behind.
 */
@Service
class NodeImport {

    enum Format {
        CSV,
        YAML,
        ANSIBLE_INI
    }

    private final NodeService nodes;
    private final CredentialRepository credentials;
    private final RequestValidator validator;
    private final JsonMapper json;
    private final InventoryProperties properties;

    NodeImport(
            NodeService nodes,
            CredentialRepository credentials,
            RequestValidator validator,
            JsonMapper json,
            InventoryProperties properties) {
        this.nodes = nodes;
        this.credentials = credentials;
        this.validator = validator;
        this.json = json;
        this.properties = properties;
    }

    /** Not transactional on purpose: every row commits or rolls back alone. */
    ImportResult run(Format format, String text, boolean dryRun) {
        if (text.length() > properties.importMaxBytes()) {
            throw InventoryException.invalid(
                    List.of(new FieldProblem("body", "is larger than " + properties.importMaxBytes() + " bytes")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as spreadsheets write it
        }
        List<ImportRow> rows = switch (format) {
            case CSV -> CsvImportParser.parse(text);
            case YAML -> YamlImportParser.parse(text, (int) Math.min(Integer.MAX_VALUE, properties.importMaxBytes()));
            case ANSIBLE_INI -> AnsibleIniImportParser.parse(text);
        };
        if (rows.size() > properties.importMaxRows()) {
            throw InventoryException.invalid(List.of(
                    new FieldProblem("body", "has " + rows.size() + " rows; at most " + properties.importMaxRows())));
        }
        Set<String> names = new HashSet<>();
        List<ImportResult.Row> results = new ArrayList<>();
        for (ImportRow row : rows) {
            results.add(importRow(row, dryRun, names));
        }
        return ImportResult.of(dryRun, results);
    }

    private ImportResult.Row importRow(ImportRow row, boolean dryRun, Set<String> names) {
        List<FieldProblem> problems = new ArrayList<>(row.problems);
        NodeRequest request = problems.isEmpty() ? toRequest(row, problems) : null;
        if (request != null && problems.isEmpty() && !names.add(request.name())) {
            problems.add(new FieldProblem("name", "is used by an earlier row of this import"));
        }
        if (request == null || !problems.isEmpty()) {
            return failed(row, problems);
        }
        try {
            if (dryRun) {
                nodes.check(request, null);
                return new ImportResult.Row(row.row, request.name(), "VALID", null, List.of());
            }
            NodeResponse created = nodes.create(request);
            return new ImportResult.Row(row.row, created.name(), "CREATED", created.id(), List.of());
        } catch (InventoryException e) {
            return failed(row, e.errors().isEmpty() ? List.of(new FieldProblem("row", "was refused")) : e.errors());
        }
    }

    private @org.jspecify.annotations.Nullable NodeRequest toRequest(ImportRow row, List<FieldProblem> problems) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(row.fields);
        Object credential = fields.remove("credential");
        if (credential != null) {
            Optional<Credential> found = credential(String.valueOf(credential));
            if (found.isEmpty()) {
                problems.add(new FieldProblem("credential", "names no credential (give its name or id)"));
                return null;
            }
            if (row.expectedUsername != null
                    && !row.expectedUsername.equals(found.get().getUsername())) {
                problems.add(new FieldProblem(
                        "ansible_user",
                        "differs from the login of credential " + found.get().getName()));
                return null;
            }
            fields.put("credentialId", found.get().getId().toString());
        }
        NodeRequest request;
        try {
            request = json.convertValue(fields, NodeRequest.class);
        } catch (JacksonException | IllegalArgumentException e) {
            problems.add(new FieldProblem(field(e), "has the wrong type or is not a node field"));
            return null;
        }
        problems.addAll(validator.problems(request).stream()
                .map(p -> p.field().equals("credentialId") ? new FieldProblem("credential", p.message()) : p)
                .toList());
        return request;
    }

    private Optional<Credential> credential(String reference) {
        try {
            return credentials.findById(UUID.fromString(reference));
        } catch (IllegalArgumentException e) {
            return credentials.findByName(reference);
        }
    }

    private static String field(Exception e) {
        if (e instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "row";
    }

    private static ImportResult.Row failed(ImportRow row, List<FieldProblem> problems) {
        return new ImportResult.Row(row.row, row.name(), "FAILED", null, List.copyOf(problems));
    }
}
