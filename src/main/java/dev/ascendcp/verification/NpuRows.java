package dev.ascendcp.verification;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns the cells of {@code npu-smi info} rows into chips and processes. */
final class NpuRows {

    private NpuRows() {}

    /**
     * Row 1: {@code <npu> <name> | <health> | <power> <temp> <huge>/<huge>}; row 2: {@code <chip> [<phy-id>] | <bus-id>
     * | <aicore> <mem>/<mem> <hbm>/<hbm>}.
     */
    static Optional<NpuChip> chip(String[] row1, String[] row2) {
        String[] id = row1[0].split("\\s+", 2);
        String[] chip = row2[0].split("\\s+");
        String[] top = figures(row1[2]);
        String[] bottom = figures(row2[2]);
        Integer npu = integer(id[0]);
        Integer chipId = integer(chip[0]);
        if (npu == null || chipId == null) {
            return Optional.empty();
        }
        String[] memory = pair(at(bottom, 1));
        String[] hbm = pair(at(bottom, 2));
        return Optional.of(new NpuChip(
                npu,
                chipId,
                chip.length > 1 ? integer(chip[1]) : null,
                id.length > 1 ? id[1].strip() : "",
                NpuHealth.of(row1[1]),
                row1[1],
                row2[1],
                decimal(at(top, 0)),
                integer(at(top, 1)),
                integer(at(bottom, 0)),
                integer(memory[0]),
                integer(memory[1]),
                integer(hbm[0]),
                integer(hbm[1])));
    }

    /** {@code <npu> <chip> | <pid> | <name> | <memory> [| <pid in container>]}; "No running processes" is skipped. */
    static Optional<NpuProcess> process(String[] cells, String unit) {
        if (cells.length < 4) {
            return Optional.empty();
        }
        String[] ids = cells[0].split("\\s+");
        Integer npu = integer(ids[0]);
        Integer chip = ids.length > 1 ? integer(ids[1]) : Integer.valueOf(0);
        Long pid = longValue(cells[1]);
        Long memory = longValue(cells[3]);
        if (npu == null || chip == null || pid == null) {
            return Optional.empty();
        }
        Long inContainer = cells.length > 4 ? longValue(cells[4]) : null;
        return Optional.of(new NpuProcess(npu, chip, pid, cells[2], memory == null ? 0 : memory, unit, inContainer));
    }

    /** Splits {@code 0  0 / 0  22283/ 32768} into {@code [0, 0/0, 22283/32768]}. */
    private static String[] figures(String cell) {
        return cell.replaceAll("\\s*/\\s*", "/").strip().split("\\s+");
    }

    private static String[] pair(@Nullable String value) {
        if (value == null || !value.contains("/")) {
            return new String[] {"", ""};
        }
        return value.split("/", 2);
    }

    private static @Nullable String at(String[] values, int i) {
        return i < values.length ? values[i] : null;
    }

    static @Nullable Integer integer(@Nullable String s) {
        Long value = longValue(s);
        return value == null || value > Integer.MAX_VALUE ? null : Integer.valueOf(value.intValue());
    }

    static @Nullable Long longValue(@Nullable String s) {
        if (s == null || s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(s);
    }

    private static @Nullable Double decimal(@Nullable String s) {
        if (s == null || !s.matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return Double.valueOf(s);
    }
}
