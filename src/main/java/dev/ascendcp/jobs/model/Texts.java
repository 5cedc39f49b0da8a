package dev.ascendcp.jobs.model;

import org.jspecify.annotations.Nullable;

/** Clipping of free text to its column. */
public final class Texts {

    private Texts() {}

    public static @Nullable String clip(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
