package dev.ascendcp.serving;

import java.util.List;

/** Names the reason of a failed vLLM start from its log lines. */
final class ServeFailureClassifier {

    private ServeFailureClassifier() {}

    static ServeFailure classify(List<String> lines) {
        for (ServeFailure failure : ServeFailure.values()) {
            if (failure != ServeFailure.UNKNOWN && lines.stream().anyMatch(failure::matches)) {
                return failure;
            }
        }
        return ServeFailure.UNKNOWN;
    }
}
