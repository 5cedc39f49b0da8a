package dev.ascendcp.verification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code key_<index>=value} lines in any order, incomplete files included. A missing file is NOT_SET. Copies with
 * collapsed whitespace ({@code a_1=0 b_1=7 ...}) are split before each key.
 */
public final class HccnConfParser {

    private static final Pattern ENTRY = Pattern.compile(
            "(?:^|\\s)([A-Za-z][A-Za-z_]*?)_(\\d{1,3})=(.*?)(?=\\s+[A-Za-z][A-Za-z_]*_\\d{1,3}=|\\s+\\.\\.\\.|\\s*$)");

    private HccnConfParser() {}

    public static HccnConf parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        Map<Integer, Map<String, String>> keys = new TreeMap<>();
        for (String line : ToolText.lines(raw)) {
            if (line.strip().startsWith("#") || line.strip().startsWith("$")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            while (m.find()) {
                keys.computeIfAbsent(Integer.valueOf(m.group(2)), i -> new LinkedHashMap<>())
                        .put(m.group(1), m.group(3).strip());
            }
        }
        if (keys.isEmpty()) {
            Outcome outcome = raw.contains("No such file or directory") ? Outcome.NOT_SET : ToolText.failure(raw);
            return new HccnConf(outcome, Map.of(), raw);
        }
        Map<Integer, HccnConfEntry> devices = new TreeMap<>();
        keys.forEach((index, values) -> devices.put(index, entry(index, values)));
        return new HccnConf(Outcome.OK, Collections.unmodifiableMap(devices), raw);
    }

    private static HccnConfEntry entry(int index, Map<String, String> values) {
        Map<String, String> other = new LinkedHashMap<>(values);
        return new HccnConfEntry(
                index,
                other.remove("address"),
                other.remove("netmask"),
                other.remove("netdetect"),
                other.remove("gateway"),
                other.remove("send_arp_status"),
                Collections.unmodifiableMap(other));
    }
}
