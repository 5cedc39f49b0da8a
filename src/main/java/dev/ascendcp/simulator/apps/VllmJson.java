package dev.ascendcp.simulator.apps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** vLLM's response bodies, with its field names and nulls. */
final class VllmJson {

    private static final String[] TEXT =
            (" To sleep well, keep a regular schedule, avoid caffeine late in the day, keep the"
                            + " bedroom dark and cool, and put screens away an hour before bed.")
                    .split("(?= )");

    private VllmJson() {}

    static List<String> words(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TEXT[i % TEXT.length]);
        }
        return out;
    }

    static String id(boolean chat) {
        return (chat ? "chatcmpl-" : "cmpl-") + UUID.randomUUID().toString().replace("-", "");
    }

    static Map<String, Object> models(VllmOptions o, long created) {
        Map<String, Object> perm = new LinkedHashMap<>();
        perm.put("id", "modelperm-" + UUID.randomUUID().toString().replace("-", ""));
        perm.put("object", "model_permission");
        perm.put("created", created);
        perm.put("allow_create_engine", false);
        perm.put("allow_sampling", true);
        perm.put("allow_logprobs", true);
        perm.put("allow_search_indices", false);
        perm.put("allow_view", true);
        perm.put("allow_fine_tuning", false);
        perm.put("organization", "*");
        perm.put("group", null);
        perm.put("is_blocking", false);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", o.name());
        model.put("object", "model");
        model.put("created", created);
        model.put("owned_by", "vllm");
        model.put("root", o.model());
        model.put("parent", null);
        model.put("max_model_len", o.maxModelLen());
        model.put("permission", List.of(perm));
        return Map.of("object", "list", "data", List.of(model));
    }

    static Map<String, Object> completion(boolean chat, String model, String text, int promptTokens, int tokens) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        if (chat) {
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("role", "assistant");
            msg.put("reasoning_content", null);
            msg.put("content", text.strip());
            msg.put("tool_calls", List.of());
            choice.put("message", msg);
        } else {
            choice.put("text", text);
        }
        choice.put("logprobs", null);
        choice.put("finish_reason", "length");
        choice.put("stop_reason", null);
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", promptTokens);
        usage.put("total_tokens", promptTokens + tokens);
        usage.put("completion_tokens", tokens);
        usage.put("prompt_tokens_details", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id(chat));
        body.put("object", chat ? "chat.completion" : "text_completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", model);
        body.put("choices", List.of(choice));
        body.put("usage", usage);
        body.put(chat ? "prompt_logprobs" : "kv_transfer_params", null);
        return body;
    }

    static Map<String, Object> chunk(boolean chat, String id, String model, String piece, String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        if (chat) {
            choice.put("delta", Map.of("content", piece));
        } else {
            choice.put("text", piece);
        }
        choice.put("logprobs", null);
        choice.put("finish_reason", finish);
        choice.put("stop_reason", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("object", chat ? "chat.completion.chunk" : "text_completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", model);
        body.put("choices", List.of(choice));
        return body;
    }

    static Map<String, Object> error(String message, String type, int code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("object", "error");
        e.put("message", message);
        e.put("type", type);
        e.put("param", null);
        e.put("code", code);
        return e;
    }
}
