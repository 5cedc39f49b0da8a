package dev.ascendcp.verification;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code link status: UP|DOWN}; {@code Execute failed: Link status is down.} also means DOWN. */
public final class LinkParser {

    private static final Pattern STATUS = Pattern.compile("(?<!vnic )link status:\\s*([A-Za-z]+)");

    private LinkParser() {}

    public static LinkInfo parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        Matcher m = STATUS.matcher(raw);
        if (m.find()) {
            String word = m.group(1).toUpperCase(Locale.ROOT);
            if (word.equals("UP")) {
                return new LinkInfo(Outcome.OK, LinkState.UP, raw);
            }
            if (word.equals("DOWN")) {
                return new LinkInfo(Outcome.OK, LinkState.DOWN, raw);
            }
            return new LinkInfo(Outcome.UNKNOWN, LinkState.UNKNOWN, raw);
        }
        if (raw.contains("Link status is down")) {
            return new LinkInfo(Outcome.OK, LinkState.DOWN, raw);
        }
        return new LinkInfo(ToolText.failure(raw), LinkState.UNKNOWN, raw);
    }
}
