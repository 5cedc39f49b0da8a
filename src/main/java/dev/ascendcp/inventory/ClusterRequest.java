package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cluster as created or replaced by {@code POST /api/v1/clusters} and {@code PUT /api/v1/clusters/{id}}. Omitted
 * sections and fields take the defaults of the vllm-ascend multi-node guide.
 */
record ClusterRequest(
        @Schema(example = "dsv2-lite") @NotNull @ResourceName
        String name,

        @NotNull UUID headNodeId,
        @Size(max = 255) @Nullable List<@NotNull UUID> workerNodeIds,
        @Valid @Nullable Container container,
        @Valid @Nullable Ray ray,
        @Valid @Nullable Serve serve,
        @Size(max = 100) @Nullable Map<@NotNull @EnvName String, @NotNull @EnvValue String> env) {

    static final String DEFAULT_IMAGE = "quay.io/ascend/vllm-ascend:v0.9.1";

    @Schema(name = "ContainerRequest")
    record Container(
            @Schema(example = DEFAULT_IMAGE) @OciImage @Nullable
            String image,

            @Schema(example = "vllm-ascend") @ContainerName @Nullable
            String name,

            @Schema(example = "10g") @DockerSize @Nullable String shmSize,
            @Size(max = 32) @Nullable List<@NotNull @MountSpec String> mounts) {}

    @Schema(name = "RayRequest")
    record Ray(
            @Schema(example = "6379") @Min(1) @Max(65535) @Nullable
            Integer port,

            @Schema(example = "8265") @Min(1) @Max(65535) @Nullable
            Integer dashboardPort) {}

    @Schema(name = "ServeRequest")
    record Serve(
            @Schema(example = "Deepseek/DeepSeek-V2-Lite-Chat") @ModelRef @Nullable
            String model,

            @ServedModelName @Nullable String servedModelName,

            @Schema(example = "8000") @Min(1) @Max(65535) @Nullable
            Integer port,

            @Min(1) @Max(1024) @Nullable Integer tensorParallelSize,
            @Min(1) @Max(1024) @Nullable Integer pipelineParallelSize,
            @Nullable Boolean enforceEager,
            @Nullable Boolean trustRemoteCode,
            @Size(max = 64) @Nullable List<@NotNull @ExtraArg String> extraArgs) {}

    List<UUID> workers() {
        return workerNodeIds == null ? List.of() : workerNodeIds;
    }

    Container containerOrDefault() {
        return container == null ? new Container(null, null, null, null) : container;
    }

    Ray rayOrDefault() {
        return ray == null ? new Ray(null, null) : ray;
    }

    Serve serveOrDefault() {
        return serve == null ? new Serve(null, null, null, null, null, null, null, null) : serve;
    }
}
