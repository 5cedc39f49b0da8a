package dev.ascendcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy ({@code script-src 'self'}) makes browsers ignore inline event handlers and inline
 * scripts, so a template that relies on one silently loses it (a confirmation that is never asked, a button that does
 * nothing). Behaviour belongs in the JS modules under {@code frontend/js}; confirmations use {@code data-confirm}.
 */
class TemplatesCspTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("=\\s*\"\\s*javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateUsesInlineHandlersOrInlineScripts() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates =
                    files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).as("templates found").hasSizeGreaterThan(10);
        for (Path template : templates) {
            List<String> lines = Files.readAllLines(template);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + line.strip();
                if (INLINE_HANDLER.matcher(line).find()
                        || JAVASCRIPT_URL.matcher(line).find()) {
                    offences.add(where);
                }
                Matcher script = SCRIPT_TAG.matcher(line);
                while (script.find()) {
                    if (!script.group(1).matches(".*\\b(?:th:)?src\\s*=.*")) {
                        offences.add(where);
                    }
                }
            }
        }
        assertThat(offences).as("inline script the CSP blocks").isEmpty();
    }

    @Test
    void theDetectorFindsWhatItLooksFor() {
        assertThat(INLINE_HANDLER
                        .matcher("<form onsubmit=\"return confirm('x')\">")
                        .find())
                .isTrue();
        assertThat(INLINE_HANDLER.matcher("<button th:onclick=\"x()\">").find()).isTrue();
        assertThat(INLINE_HANDLER
                        .matcher("<form data-confirm=\"Stop?\" class=\"online\">")
                        .find())
                .isFalse();
        Matcher inline = SCRIPT_TAG.matcher("<script>alert(1)</script>");
        assertThat(inline.find()).isTrue();
        assertThat(inline.group(1)).doesNotContain("src");
    }
}
