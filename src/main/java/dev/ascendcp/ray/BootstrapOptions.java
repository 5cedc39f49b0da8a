package dev.ascendcp.ray;

import dev.ascendcp.jobs.OptionViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options of BOOTSTRAP and TEARDOWN jobs, all booleans. */
record BootstrapOptions(boolean requireVerified, boolean pull, boolean force, boolean removeContainers) {

    static final Set<String> BOOTSTRAP_KEYS = Set.of("requireVerified", "pull", "force");
    static final Set<String> TEARDOWN_KEYS = Set.of("removeContainers");

    static BootstrapOptions of(Map<String, Object> options) {
        return new BootstrapOptions(
                flag(options, "requireVerified", true),
                flag(options, "pull", false),
                flag(options, "force", false),
                flag(options, "removeContainers", false));
    }

    /** Each known option must be a boolean (or its string form); unknown keys are rejected. */
    static List<OptionViolation> validate(Map<String, Object> options, Set<String> known) {
        List<OptionViolation> violations = new ArrayList<>();
        options.forEach((key, value) -> {
            if (!known.contains(key)) {
                violations.add(new OptionViolation(
                        "options." + key, "unknown", "unknown option; known: " + String.join(", ", known)));
            } else if (!(value instanceof Boolean)
                    && !(value instanceof String s && (s.equals("true") || s.equals("false")))) {
                violations.add(new OptionViolation("options." + key, "type", "must be true or false"));
            }
        });
        return violations;
    }

    private static boolean flag(Map<String, Object> options, String key, boolean fallback) {
        Object value = options.get(key);
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof String s ? Boolean.parseBoolean(s) : fallback;
    }
}
