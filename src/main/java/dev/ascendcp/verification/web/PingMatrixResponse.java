package dev.ascendcp.verification.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/clusters/{id}/ping-matrix}: every ping of the latest verification; {@code nodes} gives the
 * matrix its rows and columns in cluster order.
 */
@Schema(name = "PingMatrix")
record PingMatrixResponse(
        @Nullable UUID jobId, @Nullable String strategy, List<MatrixNode> nodes, List<Result> results) {

    @Schema(name = "PingMatrixNode")
    record MatrixNode(UUID nodeId, String name, int npuCount) {}

    @Schema(name = "PingMatrixResult")
    record Result(
            From from, To to, double lossPercent, @Nullable Double avgRttMs) {}

    @Schema(name = "PingFrom")
    record From(UUID nodeId, int npu) {}

    @Schema(name = "PingTo")
    record To(UUID nodeId, int npu, String ip) {}
}
