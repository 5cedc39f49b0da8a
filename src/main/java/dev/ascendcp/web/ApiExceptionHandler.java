package dev.ascendcp.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every API error into an RFC 9457 problem detail with a stable {@code type}. Module exceptions extend
 * {@link org.springframework.web.ErrorResponseException} and are rendered by the base class; this advice adds the
 * {@code errors} list for validation failures and makes sure that a user's mistake is never a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = Problems.TYPE_BASE;

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> Map.of(
                        "field",
                        error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName(),
                        "message",
                        String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = validationProblem(errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                result.getMethodParameter().getParameterName() == null
                                        ? "parameter"
                                        : result.getMethodParameter().getParameterName(),
                                "message",
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestSizeLimitFilter.PayloadTooLargeException tooLarge = tooLarge(ex);
        if (tooLarge != null) {
            return handleExceptionInternal(
                    ex, Problems.payloadTooLarge(tooLarge.limit), headers, HttpStatus.BAD_REQUEST, request);
        }
        // The parser's message may quote the body; only say what is wrong in general terms.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this endpoint: " + reason(ex));
        problem.setType(URI.create(TYPE_BASE + "malformed-body"));
        problem.setTitle("Malformed request body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                ex, Problems.payloadTooLarge(ex.getMaxUploadSize()), headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem =
                validationProblem(List.of(Map.of("field", ex.getName(), "message", "has the wrong type or format")));
        problem.setDetail("Parameter '" + ex.getName() + "' has the wrong type or format");
        return problem;
    }

    static ProblemDetail validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Validation failed");
        problem.setType(URI.create(TYPE_BASE + "validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static RequestSizeLimitFilter.@Nullable PayloadTooLargeException tooLarge(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static String reason(HttpMessageNotReadableException ex) {
        String message = String.valueOf(ex.getMessage());
        if (message.contains("Unrecognized field") || message.contains("UnrecognizedProperty")) {
            return "it has a field this endpoint does not know";
        }
        if (message.contains("Cannot deserialize") || message.contains("Cannot coerce")) {
            return "a field has the wrong type";
        }
        if (message.contains("Required request body is missing")) {
            return "the body is missing";
        }
        return "it cannot be parsed";
    }
}
