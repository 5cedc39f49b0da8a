package dev.ascendcp.serving;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** POSIX single-quote quoting for the words of an inner {@code sh -c} script. */
final class Sh {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private Sh() {}

    static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL in a shell word");
        }
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String join(List<String> words) {
        return words.stream().map(Sh::quote).collect(Collectors.joining(" "));
    }
}
