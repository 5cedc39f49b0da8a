package dev.ascendcp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The verbatim command outputs collected in {@code ../shared/formats/} (beside the project, in CI too). Each sample is
 * the text between a {@code # ---- begin} and a {@code # ---- end} line, with the {@code # source:} and
 * {@code # variant:} lines that precede it.
 */
public final class FormatSamples {

    /** One sample: where it came from, what it shows, and its text (lines joined with {@code \n}). */
    public record Sample(String file, String source, String variant, String text) {}

    private FormatSamples() {}

    /** The directory that holds {@code hccn/} and {@code ray-vllm/}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("formats");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = p.resolveSibling("shared").resolve("formats");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("shared/formats not found beside the project (looked up from " + dir + ")");
    }

    /** Every sample of one file, e.g. {@code samples("hccn/link.txt")}. */
    public static List<Sample> samples(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Sample> samples = new ArrayList<>();
        String source = "";
        String variant = "";
        StringBuilder text = null;
        for (String line : lines) {
            if (text != null) {
                if (line.startsWith("# ---- end")) {
                    samples.add(new Sample(file, source, variant, text.toString()));
                    text = null;
                } else {
                    text.append(text.isEmpty() ? "" : "\n").append(line);
                }
            } else if (line.startsWith("# source:")) {
                source = line.substring("# source:".length()).trim();
            } else if (line.startsWith("# variant:")) {
                variant = line.substring("# variant:".length()).trim();
            } else if (line.startsWith("# ---- begin")) {
                text = new StringBuilder();
            }
        }
        return samples;
    }

    /** The first sample of a file whose variant contains {@code variantPart}. */
    public static Sample sample(String file, String variantPart) {
        return samples(file).stream()
                .filter(s -> s.variant().contains(variantPart))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample '" + variantPart + "' in " + file));
    }
}
