package dev.ascendcp.serving;

import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.inventory.NodeResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Sends a playground prompt to a cluster's READY endpoint with {@code stream: true} and relays the answer as server-sent
 * events: {@code token} events ({@code {"text"}}), then one {@code done} ({@code latencyMs, firstTokenMs,
 * promptTokens, completionTokens}) or {@code error}.
 */
@Service
class Playground {

    private final ServingStore store;
    private final Inventory inventory;
    private final EndpointAccess access;
    private final EndpointClient client;
    private final RateLimiter limiter;
    private final ServingProperties properties;

    Playground(
            ServingStore store,
            Inventory inventory,
            EndpointAccess access,
            EndpointClient client,
            RateLimiter limiter,
            ServingProperties properties) {
        this.store = store;
        this.inventory = inventory;
        this.access = access;
        this.client = client;
        this.limiter = limiter;
        this.properties = properties;
    }

    /** Checks the request before the stream starts (404, 409 not ready, 422 max tokens, 429), then opens it. */
    Relay open(UUID clusterId, PlaygroundRequest request, String user) {
        ServingEndpoint endpoint = store.find(clusterId)
                .filter(e -> e.getState() == ServingState.READY)
                .orElseThrow(() -> ServingException.notReady(
                        clusterId, store.view(clusterId).state()));
        limiter.acquire(user);
        NodeResponse head = inventory.findNode(endpoint.getHeadNodeId()).orElseThrow();
        int maxTokens =
                Math.min(request.maxTokensOr(128), properties.playground().maxTokens());
        boolean chat = Boolean.TRUE.equals(request.chat());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", endpoint.getModel());
        if (chat) {
            body.put("messages", List.of(Map.of("role", "user", "content", request.prompt())));
        } else {
            body.put("prompt", request.prompt());
        }
        body.put("max_tokens", maxTokens);
        body.put("temperature", request.temperature() == null ? 0.7 : request.temperature());
        body.put("stream", true);
        body.put("stream_options", Map.of("include_usage", true));
        URI base = access.baseFor(head, endpoint.getPort());
        return new Relay(
                base,
                chat ? "/v1/chat/completions" : "/v1/completions",
                EndpointClient.JSON.writeValueAsString(body),
                chat);
    }

    /** One proxied stream. */
    final class Relay {
        private final URI base;
        private final String path;
        private final String body;
        private final boolean chat;

        Relay(URI base, String path, String body, boolean chat) {
            this.base = base;
            this.path = path;
            this.body = body;
            this.chat = chat;
        }

        void writeTo(OutputStream out) throws IOException {
            long started = System.nanoTime();
            long firstToken = -1;
            int chunks = 0;
            int promptTokens = -1;
            int completionTokens = -1;
            HttpResponse<InputStream> response;
            try {
                response = client.stream(base, path, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                event(out, "error", Map.of("message", "interrupted"));
                return;
            } catch (IOException e) {
                event(out, "error", Map.of("message", "the endpoint did not answer: " + e.getMessage()));
                return;
            }
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    event(
                            out,
                            "error",
                            Map.of(
                                    "message",
                                    "HTTP " + response.statusCode() + ": "
                                            + Texts.cut(
                                                    String.join("\n", in.lines().toList()), 500)));
                    return;
                }
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                        continue;
                    }
                    JsonNode chunk = EndpointClient.JSON.readTree(line.substring(6));
                    JsonNode choice = chunk.path("choices").path(0);
                    String text = chat
                            ? choice.path("delta").path("content").asString("")
                            : choice.path("text").asString("");
                    if (!text.isEmpty()) {
                        if (firstToken < 0) {
                            firstToken = System.nanoTime();
                        }
                        chunks++;
                        event(out, "token", Map.of("text", text));
                    }
                    JsonNode usage = chunk.path("usage");
                    if (usage.isObject()) {
                        promptTokens = usage.path("prompt_tokens").asInt(-1);
                        completionTokens = usage.path("completion_tokens").asInt(-1);
                    }
                }
            }
            long now = System.nanoTime();
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("latencyMs", (now - started) / 1_000_000);
            done.put("firstTokenMs", firstToken < 0 ? null : (firstToken - started) / 1_000_000);
            done.put("promptTokens", promptTokens < 0 ? null : promptTokens);
            done.put("completionTokens", completionTokens < 0 ? chunks : completionTokens);
            event(out, "done", done);
        }

        private void event(OutputStream out, String name, Map<String, ?> data) throws IOException {
            String json = EndpointClient.JSON.writeValueAsString(data);
            out.write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
