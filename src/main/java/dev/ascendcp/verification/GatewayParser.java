package dev.ascendcp.verification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code default gateway:<ip>, Iface:eth<N>}; "no gateway was preset there!" is NOT_SET. */
public final class GatewayParser {

    private static final Pattern GATEWAY =
            Pattern.compile("default gateway:\\s*" + ToolText.ADDRESS + "(?:,\\s*Iface:\\s*([A-Za-z0-9_.]+))?");

    private GatewayParser() {}

    public static GatewayInfo parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        Matcher m = GATEWAY.matcher(raw);
        if (m.find()) {
            return new GatewayInfo(Outcome.OK, m.group(1), m.group(2), raw);
        }
        Outcome outcome = raw.contains("no gateway was preset") ? Outcome.NOT_SET : ToolText.failure(raw);
        return new GatewayInfo(outcome, null, null, raw);
    }
}
