package dev.ascendcp.serving;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads a model's config.json for the guide's DeepSeek V3/R1 quantization warning. */
final class ModelConfig {

    static final String DEEPSEEK_QUANTIZATION_WARNING = "DeepSeek V3/R1: config.json has a quantization_config section;"
            + " the vllm-ascend multi-node guide says to remove it, since it is not supported by vllm-ascend"
            + " (use Ascend-quantized weights with --quantization ascend instead)";

    private ModelConfig() {}

    /** The warning for this config.json, or null when it does not apply. */
    static @Nullable String quantizationWarning(String configJson) {
        JsonNode json;
        try {
            json = EndpointClient.JSON.readTree(configJson);
        } catch (JacksonException e) {
            return null;
        }
        String type = json.path("model_type").asString("").toLowerCase(Locale.ROOT);
        String architectures = json.path("architectures").toString().toLowerCase(Locale.ROOT);
        boolean deepSeekV3 = type.equals("deepseek_v3") || architectures.contains("deepseekv3");
        return deepSeekV3 && json.has("quantization_config") ? DEEPSEEK_QUANTIZATION_WARNING : null;
    }
}
