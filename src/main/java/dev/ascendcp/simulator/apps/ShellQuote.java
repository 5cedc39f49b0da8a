package dev.ascendcp.simulator.apps;

import java.util.List;
import java.util.stream.Collectors;

/** Single-quotes words for the shell. */
final class ShellQuote {

    private ShellQuote() {}

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
