package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code npu-smi info} box table of every known driver generation: 910B (A2), 910C (A3, two dies per NPU,
 * {@code Chip Phy-ID}), the narrow 910A layout and the process table with or without {@code Process id in container}.
 * Cells are split on {@code |}, so widths do not matter.
 */
public final class NpuSmiParser {

    private static final Pattern VERSION = Pattern.compile("npu-smi\\s+(\\S+)\\s+Version:\\s*(\\S+)");
    private static final Pattern BUS_ID = Pattern.compile("[0-9A-Fa-f]{4}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.\\d");
    private static final Pattern INT = Pattern.compile("\\d+");

    private NpuSmiParser() {}

    public static NpuSmiInfo parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        Matcher version = VERSION.matcher(raw);
        String ver = version.find() ? version.group(2) : null;
        List<NpuChip> chips = new ArrayList<>();
        List<NpuProcess> processes = new ArrayList<>();
        boolean processTable = false;
        String unit = "MB";
        String[] pending = null;
        for (String line : ToolText.lines(raw)) {
            String[] cells = cells(line);
            if (cells == null) {
                continue;
            }
            String first = cells[0];
            if (first.startsWith("NPU") && line.contains("Process id")) {
                processTable = true;
                unit = line.contains("memory(B)") ? "B" : "MB";
            } else if (first.startsWith("NPU") || first.startsWith("Chip") || first.startsWith("npu-smi")) {
                continue;
            } else if (processTable) {
                NpuRows.process(cells, unit).ifPresent(processes::add);
            } else if (cells.length >= 3 && BUS_ID.matcher(cells[1]).matches() && pending != null) {
                NpuRows.chip(pending, cells).ifPresent(chips::add);
                pending = null;
            } else if (cells.length >= 3 && isDeviceRow(first)) {
                pending = cells;
            }
        }
        if (chips.isEmpty() && processes.isEmpty()) {
            return new NpuSmiInfo(ToolText.failure(raw), ver, List.of(), List.of(), raw);
        }
        return new NpuSmiInfo(Outcome.OK, ver, List.copyOf(chips), List.copyOf(processes), raw);
    }

    /** Row 1 of a chip: {@code <npu>  <name>}; a row whose "name" is a number is a per-chip status row, skipped. */
    private static boolean isDeviceRow(String first) {
        String[] tokens = first.split("\\s+", 2);
        return tokens.length == 2
                && INT.matcher(tokens[0]).matches()
                && !INT.matcher(tokens[1]).matches();
    }

    /** The trimmed cells of a {@code | a | b |} line, or null for borders and text outside the table. */
    private static String @Nullable [] cells(String line) {
        String l = line.strip();
        if (l.startsWith(">")) {
            l = l.substring(1).strip();
        }
        if (!l.startsWith("|") || l.length() < 2) {
            return null;
        }
        String inner = l.endsWith("|") ? l.substring(1, l.length() - 1) : l.substring(1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toArray(String[]::new);
    }
}
