package dev.ascendcp.serving;

import org.jspecify.annotations.Nullable;

final class Texts {

    private Texts() {}

    static @Nullable String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
