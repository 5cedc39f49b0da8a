package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A cluster as the API shows it, with every default filled in. */
public record ClusterResponse(
        UUID id,
        String name,
        UUID headNodeId,
        List<UUID> workerNodeIds,
        Container container,
        Ray ray,
        Serve serve,
        Map<String, String> env,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "Container")
    public record Container(String image, String name, String shmSize, List<String> mounts) {}

    @Schema(name = "Ray")
    public record Ray(int port, int dashboardPort) {}

    @Schema(name = "Serve")
    public record Serve(
            @Nullable String model,
            @Nullable String servedModelName,
            int port,
            int tensorParallelSize,
            int pipelineParallelSize,
            boolean enforceEager,
            boolean trustRemoteCode,
            List<String> extraArgs) {}

    /** The head first, then the workers in their order. */
    public List<UUID> nodeIds() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(headNodeId), workerNodeIds.stream())
                .toList();
    }

    static ClusterResponse of(Cluster cluster) {
        return new ClusterResponse(
                cluster.getId(),
                cluster.getName(),
                cluster.getHeadNodeId(),
                cluster.getWorkerNodeIds(),
                new Container(
                        cluster.getContainerImage(),
                        cluster.getContainerName(),
                        cluster.getShmSize(),
                        List.copyOf(cluster.getMounts())),
                new Ray(cluster.getRayPort(), cluster.getRayDashboardPort()),
                new Serve(
                        cluster.getModel(),
                        cluster.getServedModelName(),
                        cluster.getServePort(),
                        cluster.getTensorParallelSize(),
                        cluster.getPipelineParallelSize(),
                        cluster.isEnforceEager(),
                        cluster.isTrustRemoteCode(),
                        List.copyOf(cluster.getExtraArgs())),
                Map.copyOf(cluster.getEnv()),
                cluster.getCreatedAt(),
                cluster.getUpdatedAt());
    }
}
