package dev.ascendcp.verification.web;

import dev.ascendcp.verification.RayStatusSource.RayStatus;
import dev.ascendcp.verification.ServingStatusSource.ServingStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/clusters/{id}/status}: the latest verification, Ray and serving, as API.md defines them. */
@Schema(name = "ClusterStatus")
record ClusterStatusResponse(UUID clusterId, Verification verification, RayStatus ray, ServingStatus serving) {

    /**
     * The latest verification. {@code result} is NOT_RUN, PASSED (the verdict is PASSED or WARN) or FAILED (FAILED or
     * UNKNOWN); {@code verdict} has the four-valued verdict; {@code running} is set while a verification runs.
     */
    @Schema(name = "VerificationStatus")
    record Verification(
            String result,
            @Nullable String verdict,
            @Nullable UUID jobId,
            @Nullable Instant checkedAt,
            List<NodeStatus> nodes,
            @Nullable Ping ping,
            List<String> problems,
            @Nullable Running running) {}

    @Schema(name = "NodeVerificationStatus")
    record NodeStatus(
            @Nullable UUID nodeId,
            String name,
            boolean reachable,
            String verdict,
            List<NpuStatus> npus,
            List<String> problems) {}

    @Schema(name = "NpuStatus")
    record NpuStatus(
            int index,
            @Nullable String ip,
            String link,
            @Nullable String health,
            @Nullable String lldpPort,
            @Nullable String netdetect,
            @Nullable String gateway,
            boolean ok,
            String verdict,
            List<String> problems) {}

    /** Pings of the latest run: pairs planned, pairs failed, the packets per ping, and every ping problem. */
    @Schema(name = "PingStatus")
    record Ping(String strategy, int pairs, int failed, int packets, List<String> problems) {}

    /**
     * A verification running now: the stage ({@code collecting}, {@code pinging}), the pings planned and done, and the
     * nodes whose collect step has ended, with their fresh verdicts (the dashboard updates their grid rows).
     */
    @Schema(name = "RunningVerification")
    record Running(
            UUID jobId,
            String stage,
            int pingsPlanned,
            int pingsDone,
            int nodesTotal,
            int nodesCollected,
            int nodesPinged,
            List<NodeStatus> nodes) {}
}
