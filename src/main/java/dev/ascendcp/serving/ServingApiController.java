package dev.ascendcp.serving;

import dev.ascendcp.audit.AuditLog;
import dev.ascendcp.jobs.JobView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A cluster's serving endpoint: state, history, stop, restart and the playground proxy. */
@RestController
@RequestMapping("/api/v1/clusters/{clusterId}")
class ServingApiController {

    private final ServingStatus status;
    private final ServingControl control;
    private final Playground playground;

    ServingApiController(ServingStatus status, ServingControl control, Playground playground) {
        this.status = status;
        this.control = control;
        this.playground = playground;
    }

    @GetMapping("/serving")
    @Operation(summary = "The cluster's serving endpoint: state, URL, model, smoke test, latest metrics")
    @ApiResponse(responseCode = "200", description = "the endpoint (STOPPED when nothing was served)")
    ServingView serving(@PathVariable UUID clusterId) {
        return status.current(clusterId);
    }

    @GetMapping("/serving/events")
    @Operation(summary = "The endpoint's state changes, newest first")
    PagedModel<ServingEventView> events(@PathVariable UUID clusterId, Pageable pageable) {
        return new PagedModel<>(status.history(clusterId, pageable));
    }

    @PostMapping("/serving/stop")
    @Operation(summary = "Stop vLLM on the head (OPERATOR)")
    @ApiResponse(responseCode = "200", description = "stopped")
    @ApiResponse(responseCode = "404", description = "no such cluster")
    @ApiResponse(responseCode = "409", description = "a job runs on the cluster")
    ServingView stop(@PathVariable UUID clusterId) throws InterruptedException {
        return control.stop(clusterId);
    }

    @PostMapping("/serving/restart")
    @Operation(summary = "Relaunch vLLM as a SERVE job (OPERATOR)")
    @ApiResponse(responseCode = "202", description = "the SERVE job")
    @ApiResponse(responseCode = "409", description = "a job runs on the cluster")
    @ApiResponse(responseCode = "422", description = "the plan is invalid")
    ResponseEntity<JobView> restart(
            @PathVariable UUID clusterId, @RequestBody(required = false) @Nullable Map<String, Object> options) {
        JobView job = control.restart(clusterId, options == null ? Map.of() : options);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + job.id()))
                .body(job);
    }

    @PostMapping(value = "/playground", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Prompt the served model (VIEWER); the answer streams back as server-sent events")
    @ApiResponse(responseCode = "200", description = "events token, done or error")
    @ApiResponse(responseCode = "409", description = "the endpoint is not READY")
    @ApiResponse(responseCode = "429", description = "too many prompts from this user")
    ResponseEntity<StreamingResponseBody> prompt(
            @PathVariable UUID clusterId, @Valid @RequestBody PlaygroundRequest request) {
        Playground.Relay relay = playground.open(clusterId, request, AuditLog.currentActor());
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .body(relay::writeTo);
    }
}
