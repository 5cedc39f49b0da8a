package dev.ascendcp.verification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code net health status: <word>}, accepting both {@code Socket fail} and {@code Socket failed}. */
public final class NetHealthParser {

    private static final Pattern PREFIX = Pattern.compile("net health status:[ \\t]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_WORD = Pattern.compile("[A-Za-z][A-Za-z ]*");

    private NetHealthParser() {}

    public static NetHealthInfo parse(@Nullable String stdout, @Nullable String stderr) {
        String raw = ToolText.combine(stdout, stderr);
        Matcher m = PREFIX.matcher(raw);
        if (m.find()) {
            String rest = raw.substring(m.end());
            String word = NetHealth.spellingAt(rest);
            if (word == null) {
                word = otherWord(rest);
            }
            if (word != null) {
                return new NetHealthInfo(Outcome.OK, NetHealth.of(word), word, raw);
            }
        }
        return new NetHealthInfo(ToolText.failure(raw), null, null, raw);
    }

    private static @Nullable String otherWord(String rest) {
        Matcher w = OTHER_WORD.matcher(rest);
        if (!w.lookingAt()) {
            return null;
        }
        String word = w.group();
        int next = word.toLowerCase().indexOf(" net health status");
        return (next >= 0 ? word.substring(0, next) : word).strip();
    }
}
