package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the tab-indented {@code key : value} blocks of {@code npu-smi info -l}; each {@code NPU ID} opens a card. */
public final class NpuListParser {

    private static final Pattern KEY_VALUE = Pattern.compile("^[#\\s]*([A-Za-z][A-Za-z ]*?)\\s*:\\s*(.*?)\\s*$");

    private NpuListParser() {}

    public static NpuList parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        Integer total = null;
        List<NpuListEntry> entries = new ArrayList<>();
        NpuListEntry current = null;
        for (String line : ToolText.lines(raw)) {
            Matcher m = KEY_VALUE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1);
            String value = m.group(2);
            if (key.equals("Total Count") && total == null) {
                total = NpuRows.integer(value);
            } else if (key.equals("NPU ID") && NpuRows.integer(value) != null) {
                current = new NpuListEntry(NpuRows.integer(value), null, null, null);
                entries.add(current);
            } else if (current != null) {
                current = update(current, key, value);
                entries.set(entries.size() - 1, current);
            }
        }
        if (total == null && entries.isEmpty()) {
            return new NpuList(ToolText.failure(raw), null, List.of(), raw);
        }
        return new NpuList(Outcome.OK, total, List.copyOf(entries), raw);
    }

    private static NpuListEntry update(NpuListEntry e, String key, String value) {
        return switch (key) {
            case "Product Name" -> new NpuListEntry(e.npuId(), value, e.serialNumber(), e.chipCount());
            case "Serial Number" -> new NpuListEntry(e.npuId(), e.productName(), value, e.chipCount());
            case "Chip Count" -> new NpuListEntry(e.npuId(), e.productName(), e.serialNumber(), NpuRows.integer(value));
            default -> e;
        };
    }
}
