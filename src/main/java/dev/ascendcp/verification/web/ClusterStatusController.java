package dev.ascendcp.verification.web;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.verification.PingStrategy;
import dev.ascendcp.verification.phase.PingEstimate;
import dev.ascendcp.verification.phase.VerifyOptions;
import dev.ascendcp.verification.store.VerificationStore;
import dev.ascendcp.verification.store.VerificationSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The verification results of a cluster: status, ping matrix, diff, history and the ping count of a next run. */
@RestController
@RequestMapping("/api/v1/clusters/{id}")
@Tag(name = "Cluster status", description = "Verification results, Ray and serving state of a cluster")
class ClusterStatusController {

    private final ClusterStatusService status;
    private final PingMatrixService matrix;
    private final VerificationStore store;

    ClusterStatusController(ClusterStatusService status, PingMatrixService matrix, VerificationStore store) {
        this.status = status;
        this.matrix = matrix;
        this.store = store;
    }

    @GetMapping("/status")
    @Operation(summary = "The latest verification of every node and NPU, the Ray and the serving state")
    @ApiResponse(responseCode = "200", description = "The status; verification.result is NOT_RUN before a run")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    ClusterStatusResponse status(@PathVariable UUID id) {
        return status.status(id);
    }

    @GetMapping("/ping-matrix")
    @Operation(summary = "Every ping of the latest verification: loss in percent and average RTT per NPU pair")
    @ApiResponse(
            responseCode = "200",
            description = "The matrix (empty results before a run)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PingMatrixResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such cluster")
    ResponseEntity<byte[]> pingMatrix(@PathVariable UUID id) {
        // serialised once per verification (megabytes on a large cluster), see PingMatrixService
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(matrix.json(id));
    }

    @GetMapping("/verification/diff")
    @Operation(summary = "What is newly failing and what has recovered since the previous verification")
    @ApiResponse(responseCode = "200", description = "The diff (empty lists when there is no previous run)")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    VerificationDiffResponse diff(@PathVariable UUID id) {
        return status.diff(id);
    }

    @GetMapping("/verifications")
    @Operation(summary = "The history of verifications of a cluster, newest first")
    @ApiResponse(responseCode = "200", description = "One page of the history")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    PagedModel<VerificationSummary> history(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        status.cluster(id);
        int safeSize = Math.max(1, Math.min(200, size));
        return new PagedModel<>(store.history(id, PageRequest.of(Math.max(0, page), safeSize)));
    }

    @GetMapping("/verification/ping-estimate")
    @Operation(summary = "How many pings a verification with this strategy sends (shown before the run)")
    @ApiResponse(responseCode = "200", description = "The number of pings")
    @ApiResponse(responseCode = "400", description = "Unknown strategy")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    PingEstimateResponse estimate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "SAME_INDEX") PingStrategy strategy,
            @RequestParam(defaultValue = "3") int pingCount) {
        List<Integer> counts =
                status.nodes(id).stream().map(NodeResponse::npuCount).toList();
        int npus = counts.stream().mapToInt(Integer::intValue).sum();
        int packets = pingCount < 1 || pingCount > 100 ? VerifyOptions.DEFAULT_PING_COUNT : pingCount;
        return new PingEstimateResponse(
                strategy.name(), packets, PingEstimate.pings(strategy, counts), counts.size(), npus);
    }
}
