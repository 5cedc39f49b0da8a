package dev.ascendcp.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI document: HTTP Basic and bearer tokens as security schemes (so Swagger UI's "Authorize" works), and
 * the problem-detail error answers on every API operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String PROBLEM_SCHEMA = "Problem";

    @Bean
    OpenAPI ascendOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Ascend Cluster Control Plane API")
                        .version("v1")
                        .description("Inventory of Ascend NPU nodes and clusters, network verification, Ray "
                                + "bootstrap and vLLM serving as tracked jobs. Authenticate with HTTP Basic or an "
                                + "API token ('Authorization: Bearer acp_…', see POST /api/v1/tokens). Errors are "
                                + "RFC 9457 problem details (application/problem+json)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basicAuth",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSecuritySchemes(
                                "bearerAuth",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("API token (acp_…)"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"))
                .addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
    }

    /** Adds the standard problem answers to every {@code /api/**} operation, and problem content to every 4xx. */
    @Bean
    OpenApiCustomizer problemResponsesCustomizer() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> addProblems(path, method, operation));
                }
            });
        };
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (hasInput) {
            responses.putIfAbsent("400", new ApiResponse());
        }
        responses.putIfAbsent("401", new ApiResponse());
        responses.putIfAbsent("403", new ApiResponse());
        if (path.contains("{")) {
            responses.putIfAbsent("404", new ApiResponse());
        }
        if (changes && method != PathItem.HttpMethod.DELETE && operation.getRequestBody() != null) {
            responses.putIfAbsent("409", new ApiResponse());
        }
        responses.forEach((code, response) -> {
            int status = parse(code);
            if (status >= 400) {
                describe(status, response);
            }
        });
    }

    private static void describe(int status, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(defaultDescription(status));
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problems.TYPE_BASE + slug(status));
        example.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        example.put("status", status);
        example.put("detail", response.getDescription());
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
        }
        response.setContent(new Content()
                .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                                .example(example)));
    }

    private static String defaultDescription(int status) {
        return switch (status) {
            case 400 -> "Invalid request: the 'errors' list names each field";
            case 401 -> "Not logged in: send HTTP Basic or 'Authorization: Bearer <API token>'";
            case 403 -> "Your role does not allow this";
            case 404 -> "Not found";
            case 409 -> "Conflicts with the current state";
            case 422 -> "Valid fields, but the combination cannot be carried out";
            default -> HttpStatus.valueOf(status).getReasonPhrase();
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 422 -> "unprocessable";
            default -> "error";
        };
    }

    private static int parse(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem detail");
        problem.addProperty("type", new StringSchema().format("uri").example(Problems.TYPE_BASE + "validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }
}
