package dev.ascendcp.simulator;

import dev.ascendcp.support.FormatSamples;
import java.util.List;
import java.util.regex.Pattern;

/** Turns real sample lines into shape patterns: the literal text, with every number free to vary. */
final class SampleShapes {

    private SampleShapes() {}

    static Pattern shape(String sampleLine) {
        StringBuilder regex = new StringBuilder();
        for (String piece : sampleLine.split("(?<=[0-9])(?=[^0-9])|(?<=[^0-9])(?=[0-9])")) {
            regex.append(Character.isDigit(piece.charAt(0)) ? "[0-9]+" : Pattern.quote(piece));
        }
        return Pattern.compile(regex.toString());
    }

    /** The lines of the first sample of {@code file} whose variant contains {@code variant}. */
    static List<String> lines(String file, String variant) {
        return List.of(FormatSamples.sample(file, variant).text().split("\n"));
    }

    /** The first sample line (of any sample in the file) that starts with {@code prefix}. */
    static String line(String file, String prefix) {
        return FormatSamples.samples(file).stream()
                .flatMap(s -> List.of(s.text().split("\n")).stream())
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line '" + prefix + "' in " + file));
    }
}
