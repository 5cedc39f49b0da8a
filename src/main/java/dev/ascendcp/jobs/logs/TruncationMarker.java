package dev.ascendcp.jobs.logs;

import dev.ascendcp.jobs.LogStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The "output dropped" line a step's log gets when it outgrows {@code ascendcp.jobs.log-bytes-per-step}: a
 * {@code SYSTEM} log line of the step, stored where the dropped middle was (after the kept head, before the kept tail).
 * Its counts grow while the step runs; live viewers get each new version without an event id (it updates line
 * {@code seq}, which they already passed), a replay gets the stored one at its place.
 */
public final class TruncationMarker {

    private static final Pattern TEXT = Pattern.compile("^\\[… (\\d+) bytes \\((\\d+) lines\\) of output dropped here");

    /** What was dropped. */
    public record Dropped(long lines, long bytes) {}

    private TruncationMarker() {}

    static String text(long droppedBytes, long droppedLines, long keptBytes) {
        return "[… " + droppedBytes + " bytes (" + droppedLines + " lines) of output dropped here: this step keeps "
                + keptBytes + " bytes, the first and the last half …]";
    }

    /** What a marker line says was dropped, or null when the event is no marker. */
    public static @Nullable Dropped of(JobEvent event) {
        if (event.type() != JobEvent.Type.LOG || event.stream() != LogStream.SYSTEM || event.stepId() == null) {
            return null;
        }
        Matcher matcher = TEXT.matcher(event.data());
        if (!matcher.find()) {
            return null;
        }
        return new Dropped(Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(1)));
    }
}
