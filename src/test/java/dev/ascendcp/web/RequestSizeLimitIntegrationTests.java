package dev.ascendcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.users.Role;
import dev.ascendcp.users.UserRequest;
import dev.ascendcp.users.UserService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against the real server: a chunked body (no Content-Length) over the limit is a 400 problem, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestSizeLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    /** A body publisher of unknown length, so that the client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }

    private HttpResponse<String> post(String name, String password, byte[] body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(chunked(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesAnOversizedChunkedJsonBody() throws Exception {
        String admin = "big" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserRequest(admin, "correct-horse-battery", Role.ADMIN));
        String padding = " ".repeat(2 * 1024 * 1024);
        byte[] body = ("{\"username\":\"x" + padding + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(admin, "correct-horse-battery", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void acceptsASmallChunkedJsonBody() throws Exception {
        String admin = "small" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserRequest(admin, "correct-horse-battery", Role.ADMIN));
        String name = "chunk" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = ("{\"username\":\"" + name + "\",\"password\":\"correct-horse-battery\",\"role\":\"VIEWER\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(post(admin, "correct-horse-battery", body).statusCode()).isEqualTo(201);
    }
}
