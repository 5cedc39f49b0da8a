package dev.ascendcp.serving;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** vLLM's OpenAI-compatible HTTP API, as far as the control plane uses it. Tolerant of unknown fields. */
@Component
class EndpointClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A completion's outcome. */
    record Completion(String text, int promptTokens, int completionTokens, Duration latency) {}

    private final HttpClient http;
    private final ServingProperties properties;

    EndpointClient(ServingProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The status of {@code GET /health}, or -1 when nothing answers. */
    int health(URI base) throws InterruptedException {
        try {
            return http.send(
                            get(base, "/health", properties.connectTimeout().multipliedBy(3)),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The model ids {@code GET /v1/models} lists. */
    List<String> models(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(get(base, "/v1/models", properties.requestTimeout()), HttpResponse.BodyHandlers.ofString());
        ensureOk(response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body())
                .path("data")
                .forEach(m -> ids.add(m.path("id").asString("")));
        return ids;
    }

    /** {@code POST /v1/completions}, not streamed. */
    Completion complete(URI base, String model, String prompt, int maxTokens) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("model", model, "prompt", prompt, "max_tokens", maxTokens));
        long started = System.nanoTime();
        HttpResponse<String> response =
                http.send(post(base, "/v1/completions", body), HttpResponse.BodyHandlers.ofString());
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        ensureOk(response.statusCode(), response.body());
        JsonNode json = JSON.readTree(response.body());
        JsonNode usage = json.path("usage");
        return new Completion(
                json.path("choices").path(0).path("text").asString(""),
                usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0),
                latency);
    }

    /** {@code GET /metrics} as Prometheus text. */
    String metrics(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(get(base, "/metrics", properties.requestTimeout()), HttpResponse.BodyHandlers.ofString());
        ensureOk(response.statusCode(), response.body());
        return response.body();
    }

    /** A streamed request; the caller reads the SSE body and must close it. */
    HttpResponse<InputStream> stream(URI base, String path, String jsonBody) throws IOException, InterruptedException {
        return http.send(post(base, path, jsonBody), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest get(URI base, String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
    }

    private HttpRequest post(URI base, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static void ensureOk(int status, String body) throws IOException {
        if (status != 200) {
            throw new IOException("HTTP " + status + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
    }
}
