package dev.ascendcp.simulator.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vLLM's OpenAI-compatible HTTP API: /health, /version, /v1/models, /v1/completions, /v1/chat/completions, /metrics. */
final class VllmHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VllmOptions options;
    private final HttpServer server;
    private final ExecutorService pool;
    private final long created = System.currentTimeMillis() / 1000;
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong generationTokens = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    VllmHttp(VllmOptions options, String ip) throws IOException {
        this.options = options;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), options.port()), 50);
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sim-vllm-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (method + " " + path) {
                case "GET /health" -> send(ex, 200, "text/plain", "");
                case "GET /version" -> json(ex, 200, Map.of("version", "0.9.1"));
                case "GET /v1/models" -> json(ex, 200, VllmJson.models(options, created));
                case "GET /metrics" -> send(ex, 200, "text/plain; version=0.0.4", metrics());
                case "POST /v1/completions", "POST /v1/chat/completions" ->
                    complete(ex, path.endsWith("chat/completions"));
                default -> json(ex, 404, Map.of("detail", "Not Found"));
            }
        }
    }

    private void complete(HttpExchange ex, boolean chat) throws IOException {
        JsonNode req;
        try {
            req = JSON.readTree(ex.getRequestBody());
        } catch (RuntimeException e) {
            json(ex, 400, VllmJson.error("Expecting value: line 1 column 1 (char 0)", "BadRequestError", 400));
            return;
        }
        String model = req.path("model").asString(options.name());
        if (!model.equals(options.name())) {
            json(ex, 404, VllmJson.error("The model `" + model + "` does not exist.", "NotFoundError", 404));
            return;
        }
        int max = req.path("max_completion_tokens").asInt(req.path("max_tokens").asInt(16));
        String prompt =
                chat ? req.path("messages").toString() : req.path("prompt").asString("");
        int promptLen = Math.max(1, prompt.split("\\s+").length);
        List<String> words = VllmJson.words(Math.max(1, max));
        requests.incrementAndGet();
        promptTokens.addAndGet(promptLen);
        generationTokens.addAndGet(words.size());
        if (req.path("stream").asBoolean(false)) {
            stream(ex, chat, model, words);
        } else {
            json(ex, 200, VllmJson.completion(chat, model, String.join("", words), promptLen, words.size()));
        }
    }

    private void stream(HttpExchange ex, boolean chat, String model, List<String> words) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        String id = VllmJson.id(chat);
        for (int i = 0; i < words.size(); i++) {
            String finish = i == words.size() - 1 ? "length" : null;
            String data = JSON.writeValueAsString(VllmJson.chunk(chat, id, model, words.get(i), finish));
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String metrics() {
        String label = "{engine=\"0\",model_name=\"" + options.name() + "\"}";
        return "# HELP vllm:num_requests_running Number of requests in model execution batches.\n"
                + "# TYPE vllm:num_requests_running gauge\nvllm:num_requests_running" + label + " 0.0\n"
                + "# HELP vllm:num_requests_waiting Number of requests waiting to be processed.\n"
                + "# TYPE vllm:num_requests_waiting gauge\nvllm:num_requests_waiting" + label + " 0.0\n"
                + "# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.\n"
                + "# TYPE vllm:kv_cache_usage_perc gauge\nvllm:kv_cache_usage_perc" + label + " 0.0\n"
                + "# HELP vllm:prompt_tokens_total Number of prefill tokens processed.\n"
                + "# TYPE vllm:prompt_tokens_total counter\nvllm:prompt_tokens_total" + label + " " + promptTokens.get()
                + ".0\n"
                + "# HELP vllm:generation_tokens_total Number of generation tokens processed.\n"
                + "# TYPE vllm:generation_tokens_total counter\nvllm:generation_tokens_total" + label + " "
                + generationTokens.get() + ".0\n"
                + "# HELP vllm:request_success_total Count of successfully processed requests.\n"
                + "# TYPE vllm:request_success_total counter\nvllm:request_success_total{engine=\"0\",finished_reason=\"length\","
                + "model_name=\"" + options.name() + "\"} " + requests.get() + ".0\n";
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }
}
