package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a node import, row by row. A row is {@code CREATED} or {@code FAILED}; in a dry run a good row is
 * {@code VALID} and nothing is stored.
 */
record ImportResult(int created, int failed, int valid, boolean dryRun, List<Row> rows) {

    @Schema(name = "ImportRowResult")
    record Row(
            int row,
            @Nullable String name,
            String status,
            @Nullable UUID nodeId,
            List<FieldProblem> errors) {}

    static ImportResult of(boolean dryRun, List<Row> rows) {
        return new ImportResult(
                count(rows, "CREATED"), count(rows, "FAILED"), count(rows, "VALID"), dryRun, List.copyOf(rows));
    }

    private static int count(List<Row> rows, String status) {
        return (int) rows.stream().filter(r -> r.status().equals(status)).count();
    }
}
