package dev.ascendcp.ray;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the pre-flight found on one node: the problems (each with its fix) and the facts later steps need. */
record NodePreflight(
        UUID nodeId,
        String nodeName,
        List<String> problems,
        @Nullable String imageId,
        boolean containerRunning,
        @Nullable String specLabel,
        boolean vllmServing) {

    static final String KEY = "ray.preflight.";

    NodePreflight {
        problems = List.copyOf(problems);
    }
}
