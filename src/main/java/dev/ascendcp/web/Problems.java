package dev.ascendcp.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Problem details written straight to the response, by filters and security handlers that run outside MVC. */
final class Problems {

    static final String TYPE_BASE = "https://ascendcp.dev/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail payloadTooLarge(long limitBytes) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "payload-too-large",
                "Request body too large",
                "The request body is larger than the " + limitBytes + " bytes this endpoint accepts");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // JSON is UTF-8 by definition (RFC 8259); no charset parameter, like Spring MVC's own problem answers.
        response.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        response.getOutputStream().flush();
    }
}
