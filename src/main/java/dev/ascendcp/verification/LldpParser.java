package dev.ascendcp.verification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the lldptool-like TLV dump: header lines at column 0 ending in {@code TLV}, values indented by a tab or
 * spaces. Also reads {@code | grep Ifname} output and whitespace-collapsed copies. Empty output means no neighbour.
 */
public final class LldpParser {

    private static final Pattern IFNAME = Pattern.compile("Ifname:\\s*([^\\s.][^\\s]*)");

    private LldpParser() {}

    public static LldpInfo parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        Map<String, String> firstValues = new HashMap<>();
        boolean tlvSeen = false;
        String tlv = null;
        for (String line : ToolText.lines(raw)) {
            String value = line.strip();
            boolean indented = line.startsWith("\t") || line.startsWith(" ");
            if (!indented && value.endsWith(" TLV")) {
                tlv = value;
                tlvSeen = true;
            } else if (tlv != null && !value.isEmpty() && !value.equals("...")) {
                firstValues.putIfAbsent(tlv, value);
            }
        }
        String port = IpParser.first(IFNAME, raw);
        if (port == null && !tlvSeen) {
            Outcome outcome = raw.isBlank() ? Outcome.NOT_SET : ToolText.failure(raw);
            return new LldpInfo(outcome, null, null, null, null, null, raw);
        }
        if (port == null) {
            port = known(firstValues.get("Port ID TLV"));
        }
        return new LldpInfo(
                Outcome.OK,
                port,
                known(firstValues.get("Chassis ID TLV")),
                known(firstValues.get("System Name TLV")),
                known(firstValues.get("System Description TLV")),
                known(firstValues.get("Management Address TLV")),
                raw);
    }

    /** Drops the {@code MAC:} / {@code IPv4:} label and values the author elided with {@code ...}. */
    private static @Nullable String known(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceFirst("^(MAC|IPv4|IPv6|Ifname|Local):\\s*", "").strip();
        return v.isEmpty() || v.startsWith("...") ? null : v;
    }
}
