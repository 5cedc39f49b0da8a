package dev.ascendcp.simulator.shell;

import java.util.List;

/** A shell word as written: literal text and parameter references, each quoted or not. */
record Word(List<Part> parts) {

    enum Kind {
        /** Unquoted text: subject to pathname expansion. */
        PLAIN,
        /** Quoted or escaped text: taken literally. */
        QUOTED,
        /** An unquoted {@code $NAME}: subject to field splitting. */
        VAR,
        /** A {@code $NAME} inside double quotes: one field. */
        QUOTED_VAR
    }

    record Part(String text, Kind kind) {}

    /** The word's text when it is one plain literal (reserved words, assignments), else {@code null}. */
    String plainText() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.kind() != Kind.PLAIN) {
                return "\u0000";
            }
            sb.append(p.text());
        }
        return sb.toString();
    }

    boolean isPlain(String text) {
        return plainText().equals(text);
    }
}
