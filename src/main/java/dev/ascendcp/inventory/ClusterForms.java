package dev.ascendcp.inventory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Converts between the cluster form's fields and {@link ClusterRequest} / {@link ClusterResponse}. */
final class ClusterForms {

    private ClusterForms() {}

    static ClusterRequest request(FormValues values) {
        List<UUID> workers = values.all("workerNodeIds").stream()
                .map(id -> {
                    try {
                        return UUID.fromString(id);
                    } catch (IllegalArgumentException e) {
                        values.problems.add(new FieldProblem("workerNodeIds", "must be chosen from the list"));
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .toList();
        return new ClusterRequest(
                values.text("name"),
                values.uuid("headNodeId"),
                workers,
                new ClusterRequest.Container(
                        values.text("container.image"),
                        values.text("container.name"),
                        values.text("container.shmSize"),
                        values.lines("container.mounts")),
                new ClusterRequest.Ray(values.integer("ray.port"), values.integer("ray.dashboardPort")),
                new ClusterRequest.Serve(
                        values.text("serve.model"),
                        values.text("serve.servedModelName"),
                        values.integer("serve.port"),
                        values.integer("serve.tensorParallelSize"),
                        values.integer("serve.pipelineParallelSize"),
                        values.checked("serve.enforceEager"),
                        values.checked("serve.trustRemoteCode"),
                        values.lines("serve.extraArgs")),
                values.pairs("env"));
    }

    static Map<String, String> echo(ClusterResponse cluster) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("name", cluster.name());
        values.add("headNodeId", cluster.headNodeId().toString());
        values.add("container.image", cluster.container().image());
        values.add("container.name", cluster.container().name());
        values.add("container.shmSize", cluster.container().shmSize());
        values.add("container.mounts", String.join("\n", cluster.container().mounts()));
        values.add("ray.port", String.valueOf(cluster.ray().port()));
        values.add("ray.dashboardPort", String.valueOf(cluster.ray().dashboardPort()));
        values.add(
                "serve.model",
                cluster.serve().model() == null ? "" : cluster.serve().model());
        values.add(
                "serve.servedModelName",
                cluster.serve().servedModelName() == null ? "" : cluster.serve().servedModelName());
        values.add("serve.port", String.valueOf(cluster.serve().port()));
        values.add("serve.tensorParallelSize", String.valueOf(cluster.serve().tensorParallelSize()));
        values.add("serve.pipelineParallelSize", String.valueOf(cluster.serve().pipelineParallelSize()));
        if (cluster.serve().enforceEager()) {
            values.add("serve.enforceEager", "on");
        }
        if (cluster.serve().trustRemoteCode()) {
            values.add("serve.trustRemoteCode", "on");
        }
        values.add("serve.extraArgs", String.join("\n", cluster.serve().extraArgs()));
        StringBuilder env = new StringBuilder();
        cluster.env().forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
        values.add("env", env.toString());
        return new FormValues(values).echo();
    }
}
