package dev.ascendcp.verification;

import java.util.List;

/**
 * Shell command lines for one node. Each lane runs its queries one after another; the lanes are meant to run at the
 * same time (one exec channel each), which bounds the concurrent hccn_tool calls to {@code lanes().size()}. Running
 * them one after another, or {@link #singleLine()}, gives the same sections, only slower.
 */
public record NodeScript(List<String> lanes, List<SectionKey> sections) {

    /** All lanes joined with {@code ;}: one sequential command line. */
    public String singleLine() {
        return String.join("; ", lanes);
    }
}
