package dev.ascendcp.simulator.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code grep [-q] [-c] [-v] [-i] [-E|-F] [-e] PATTERN [FILE...]}. */
final class Grep {

    private Grep() {}

    static int run(Call call) throws IOException {
        boolean quiet = false;
        boolean count = false;
        boolean invert = false;
        boolean ignoreCase = false;
        boolean extended = false;
        boolean fixed = false;
        String pattern = null;
        List<String> files = new ArrayList<>();
        List<String> a = call.args();
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            if (arg.equals("-e") && i + 1 < a.size()) {
                pattern = a.get(++i);
            } else if (arg.startsWith("-") && arg.length() > 1 && pattern == null) {
                quiet |= arg.contains("q");
                count |= arg.contains("c");
                invert |= arg.contains("v");
                ignoreCase |= arg.contains("i");
                extended |= arg.contains("E");
                fixed |= arg.contains("F");
            } else if (pattern == null) {
                pattern = arg;
            } else {
                files.add(arg);
            }
        }
        if (pattern == null) {
            return call.fail(2, "Usage: grep [OPTION]... PATTERNS [FILE]...");
        }
        Pattern p;
        try {
            String regex = fixed ? Pattern.quote(pattern) : extended ? pattern : basicToJava(pattern);
            p = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return call.fail(2, "grep: Invalid regular expression");
        }
        long matches = 0;
        for (InputStream in : TextCommands.inputs(call, files, "grep")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (p.matcher(line).find() != invert && !(line.isEmpty() && text.isEmpty())) {
                    matches++;
                    if (!quiet && !count) {
                        call.outln(line);
                    }
                }
            }
        }
        if (count && !quiet) {
            call.outln(String.valueOf(matches));
        }
        return matches > 0 ? 0 : 1;
    }

    /** POSIX basic regular expressions: {@code \( \) \{ \} \|} are operators, {@code + ? ( ) { } |} literals. */
    static String basicToJava(String bre) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length()) {
                char n = bre.charAt(++i);
                sb.append("(){}|+?".indexOf(n) >= 0 ? String.valueOf(n) : "\\" + n);
            } else if ("(){}|+?".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
