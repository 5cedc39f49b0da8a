package dev.ascendcp.ssh;

import java.util.regex.Pattern;

/** POSIX shell quoting: a word is left bare only when it holds nothing the shell interprets. */
final class ShellQuoting {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {}

    /** {@code value} as one shell word. */
    static String quote(String value) {
        if (SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** {@code value} inside single quotes, always, with each {@code '} written as {@code '\''}. */
    static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String rejectNul(String value, String what) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a NUL character");
        }
        return value;
    }
}
