package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Splits the combined output of {@link NodeScript} lanes back into sections by their markers. */
public final class SectionDemux {

    private static final Pattern BEGIN = Pattern.compile("^@@acp begin (\\S+) (\\S+)(?: (\\S+))?$");
    private static final Pattern END = Pattern.compile("^@@acp end (\\S+) (\\S+)(?: (\\S+))? rc=(\\d+)$");

    private SectionDemux() {}

    /** The sections in order of appearance; text outside markers is ignored; an unclosed section is incomplete. */
    public static List<Section> split(String output) {
        List<Section> sections = new ArrayList<>();
        SectionKey open = null;
        StringBuilder text = new StringBuilder();
        for (String rawLine : output.split("\n", -1)) {
            String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
            Matcher begin = BEGIN.matcher(line);
            Matcher end = END.matcher(line);
            if (begin.matches()) {
                if (open != null) {
                    sections.add(new Section(open, text.toString(), null, false));
                }
                open = key(begin.group(1), begin.group(2), begin.group(3)).orElse(null);
                text.setLength(0);
            } else if (end.matches() && open != null) {
                Optional<SectionKey> key = key(end.group(1), end.group(2), end.group(3));
                boolean same = key.isPresent() && key.get().equals(open);
                sections.add(new Section(open, text.toString(), same ? Integer.valueOf(end.group(4)) : null, same));
                open = null;
                text.setLength(0);
            } else if (open != null) {
                text.append(text.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (open != null) {
            sections.add(new Section(open, text.toString(), null, false));
        }
        return List.copyOf(sections);
    }

    /** Earlier sections overlaid by later complete ones with the same key (a retry replaces a busy answer). */
    public static List<Section> merge(List<Section> earlier, List<Section> later) {
        Map<SectionKey, Section> byKey = new LinkedHashMap<>();
        earlier.forEach(s -> byKey.put(s.key(), s));
        later.stream().filter(Section::complete).forEach(s -> byKey.put(s.key(), s));
        return List.copyOf(byKey.values());
    }

    private static Optional<SectionKey> key(String token, String npu, @Nullable String target) {
        Optional<Query> query = Query.ofToken(token);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        Integer index = npu.equals("-") ? null : NpuRows.integer(npu);
        if (index == null && !npu.equals("-")) {
            return Optional.empty();
        }
        return Optional.of(new SectionKey(query.get(), index, target));
    }
}
