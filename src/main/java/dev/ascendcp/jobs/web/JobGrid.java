package dev.ascendcp.jobs.web;

import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.StepView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The node × step grid of the job page: one row per node, one column per step name in plan order. */
record JobGrid(List<String> columns, List<Row> rows) {

    record Row(UUID nodeId, String nodeName, List<@Nullable Cell> cells) {}

    /** One step: its state (the colour), its duration, and the hover text (message and attempts). */
    record Cell(String status, String duration, String title) {}

    static JobGrid of(JobView job) {
        Set<String> columns = new LinkedHashSet<>();
        Map<UUID, Map<String, StepView>> byNode = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (StepView step : job.steps()) {
            columns.add(step.name());
            byNode.computeIfAbsent(step.nodeId(), n -> new LinkedHashMap<>()).put(step.name(), step);
            names.put(step.nodeId(), step.nodeName());
        }
        List<Row> rows = new ArrayList<>();
        byNode.forEach((nodeId, steps) -> {
            List<@Nullable Cell> cells = new ArrayList<>();
            columns.forEach(column -> cells.add(steps.containsKey(column) ? cell(steps.get(column)) : null));
            rows.add(new Row(nodeId, names.get(nodeId), cells));
        });
        return new JobGrid(List.copyOf(columns), rows);
    }

    private static Cell cell(StepView step) {
        String duration = "";
        if (step.startedAt() != null && step.finishedAt() != null) {
            Duration took = Duration.between(step.startedAt(), step.finishedAt());
            duration = took.toMillis() < 10_000 ? took.toMillis() + " ms" : took.toSeconds() + " s";
        }
        String title = step.status()
                + (step.attempts() > 1 ? " after " + step.attempts() + " attempts" : "")
                + (step.exitCode() == null ? "" : ", exit " + step.exitCode())
                + (step.message() == null ? "" : ": " + step.message());
        return new Cell(step.status().name(), duration, title);
    }
}
