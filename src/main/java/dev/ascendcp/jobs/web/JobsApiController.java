package dev.ascendcp.jobs.web;

import dev.ascendcp.jobs.JobFilter;
import dev.ascendcp.jobs.JobService;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobSummary;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.PhaseKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Jobs", description = "Tracked jobs: start a phase on a cluster, follow, cancel and retry it")
class JobsApiController {

    private final JobService jobs;
    private final JobEventStreams streams;

    JobsApiController(JobService jobs, JobEventStreams streams) {
        this.jobs = jobs;
        this.streams = streams;
    }

    @PostMapping("/clusters/{clusterId}/jobs")
    @Operation(summary = "Start a phase on a cluster as a tracked job")
    @ApiResponse(responseCode = "202", description = "Job accepted; Location names it")
    @ApiResponse(responseCode = "400", description = "Unknown phase or malformed body")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @ApiResponse(responseCode = "409", description = "A job already runs on the cluster (runningJobId)")
    @ApiResponse(responseCode = "422", description = "Phase not installed, or options/plan invalid")
    ResponseEntity<JobView> start(@PathVariable UUID clusterId, @Valid @RequestBody StartJobRequest request) {
        JobView job = jobs.start(clusterId, PhaseKind.valueOf(request.phase()), request.optionsOrEmpty());
        return accepted(job);
    }

    @GetMapping("/jobs")
    @Operation(summary = "List jobs, newest first, optionally by cluster, phase and status")
    @ApiResponse(responseCode = "400", description = "A filter has a wrong value")
    PagedModel<JobSummary> list(
            @RequestParam(required = false) @Nullable UUID clusterId,
            @RequestParam(required = false) @Nullable PhaseKind phase,
            @RequestParam(required = false) @Nullable JobStatus status,
            @PageableDefault(size = 50, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
        return new PagedModel<>(jobs.list(new JobFilter(clusterId, phase, status), pageable));
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A job with its per-node steps and progress")
    @ApiResponse(responseCode = "404", description = "No such job")
    JobView get(@PathVariable UUID id) {
        return jobs.find(id);
    }

    @PostMapping("/jobs/{id}/cancel")
    @Operation(summary = "Cancel a queued or running job; its remote commands are stopped")
    @ApiResponse(responseCode = "202", description = "Cancel accepted")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "The job has already finished")
    ResponseEntity<JobView> cancel(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.cancel(id));
    }

    @PostMapping("/jobs/{id}/retry")
    @Operation(summary = "Start a new job over the failed nodes of a finished job")
    @ApiResponse(responseCode = "202", description = "Retry job accepted; Location names it")
    @ApiResponse(responseCode = "404", description = "No such job")
    @ApiResponse(responseCode = "409", description = "The job still runs, nothing failed, or the cluster is busy")
    ResponseEntity<JobView> retry(@PathVariable UUID id) {
        return accepted(jobs.retry(id));
    }

    @GetMapping(value = "/jobs/{id}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The job's stored output, one line per output line: \"timestamp node-name | text\"")
    @ApiResponse(responseCode = "404", description = "No such job")
    void log(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String node,
            @RequestParam(defaultValue = "false") boolean download,
            HttpServletResponse response)
            throws IOException {
        jobs.find(id);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                (download ? "attachment" : "inline") + "; filename=\"job-" + id + (node == null ? "" : "-node")
                        + ".log\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        jobs.forEachLine(id, node, line -> out.append(LogFormat.line(line)).append('\n'));
        out.flush();
    }

    @GetMapping(value = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live events of a job (status, step, log), resumable with Last-Event-ID")
    @ApiResponse(responseCode = "404", description = "No such job")
    SseEmitter events(
            @PathVariable UUID id,
            @RequestHeader(value = "Last-Event-ID", required = false) @Nullable Long lastEventId,
            @RequestParam(value = "lastEventId", required = false) @Nullable Long lastEventIdParam) {
        jobs.find(id);
        long after = lastEventId != null ? lastEventId : lastEventIdParam != null ? lastEventIdParam : 0;
        return streams.open(id, after);
    }

    private static ResponseEntity<JobView> accepted(JobView job) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + job.id()))
                .body(job);
    }
}
