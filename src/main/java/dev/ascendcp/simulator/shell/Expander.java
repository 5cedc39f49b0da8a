package dev.ascendcp.simulator.shell;

import dev.ascendcp.simulator.shell.Word.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parameter expansion, field splitting and pathname expansion of words. */
final class Expander {

    private final Function<String, @Nullable String> variables;
    private final VirtualFs fs;
    private final String cwd;

    Expander(Function<String, @Nullable String> variables, VirtualFs fs, String cwd) {
        this.variables = variables;
        this.fs = fs;
        this.cwd = cwd;
    }

    List<String> fields(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            out.addAll(fields(w));
        }
        return out;
    }

    /** A word as one string (assignments, redirection targets, {@code case} words). */
    String single(Word w) {
        StringBuilder sb = new StringBuilder();
        for (Part p : w.parts()) {
            sb.append(p.kind() == Word.Kind.VAR || p.kind() == Word.Kind.QUOTED_VAR ? value(p.text()) : p.text());
        }
        return sb.toString();
    }

    List<String> fields(Word w) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = null;
        boolean glob = false;
        for (int i = 0; i < w.parts().size(); i++) {
            Part p = w.parts().get(i);
            String text = p.text();
            switch (p.kind()) {
                case PLAIN -> {
                    if (i == 0 && text.startsWith("~") && (text.length() == 1 || text.charAt(1) == '/')) {
                        text = value("HOME") + text.substring(1);
                    }
                    cur = append(cur, text);
                    glob |= text.contains("*") || text.contains("?");
                }
                case QUOTED, QUOTED_VAR -> {
                    String v = p.kind() == Word.Kind.QUOTED ? text : value(text);
                    cur = append(cur, v);
                }
                case VAR -> {
                    String[] pieces = value(text).trim().split("[ \t\n]+");
                    for (int k = 0; k < pieces.length; k++) {
                        if (pieces[k].isEmpty()) {
                            continue;
                        }
                        if (k > 0 && cur != null) {
                            fields.add(cur.toString());
                            cur = null;
                        }
                        cur = append(cur, pieces[k]);
                    }
                }
            }
        }
        if (cur != null) {
            if (glob) {
                List<String> matches = glob(cur.toString());
                fields.addAll(matches.isEmpty() ? List.of(cur.toString()) : matches);
            } else {
                fields.add(cur.toString());
            }
        }
        return fields;
    }

    private static StringBuilder append(@Nullable StringBuilder cur, String text) {
        return (cur == null ? new StringBuilder() : cur).append(text);
    }

    private String value(String name) {
        String v = variables.apply(name);
        return v == null ? "" : v;
    }

    /** Matches a pattern with wildcards in its last path component only. */
    private List<String> glob(String pattern) {
        int slash = pattern.lastIndexOf('/');
        String dir = slash < 0 ? "" : pattern.substring(0, slash + 1);
        String last = pattern.substring(slash + 1);
        if (dir.contains("*") || dir.contains("?")) {
            return List.of();
        }
        StringBuilder regex = new StringBuilder();
        for (char c : last.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        Pattern p = Pattern.compile(regex.toString());
        String absDir = VirtualFs.resolve(cwd, dir.isEmpty() ? "." : dir);
        List<String> out = new ArrayList<>();
        for (String name : fs.list(absDir)) {
            if (p.matcher(name).matches() && (!name.startsWith(".") || last.startsWith("."))) {
                out.add(dir + name);
            }
        }
        return out;
    }
}
