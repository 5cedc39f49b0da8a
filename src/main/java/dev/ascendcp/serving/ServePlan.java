package dev.ascendcp.serving;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the Serve phase will launch, derived from the cluster spec: the vLLM arguments the control plane sets itself
 * ({@code rayBackend} when more than one node takes part, {@code disableFrontendMultiprocessing} when PP > 1) and
 * the plan's warnings.
 */
public record ServePlan(
        String container,
        String model,
        @Nullable String servedModelName,
        int port,
        int tensorParallelSize,
        int pipelineParallelSize,
        boolean rayBackend,
        boolean disableFrontendMultiprocessing,
        boolean enforceEager,
        boolean trustRemoteCode,
        List<String> extraArgs,
        java.util.Map<String, String> env,
        QuantizationCheck quantizationCheck,
        List<String> warnings) {

    public ServePlan {
        extraArgs = List.copyOf(extraArgs);
        env = java.util.Map.copyOf(env);
        warnings = List.copyOf(warnings);
    }

    /** The name clients send as {@code model}: the served name, else the model itself. */
    public String clientModelName() {
        return servedModelName != null ? servedModelName : model;
    }

    /** Whether the model is a path on the nodes (checked for {@code config.json}) rather than a repo id. */
    public boolean modelIsPath() {
        return model.startsWith("/");
    }

    /** What to do when a DeepSeek V3/R1 config.json carries {@code quantization_config}. */
    public enum QuantizationCheck {
        WARN,
        FAIL
    }
}
