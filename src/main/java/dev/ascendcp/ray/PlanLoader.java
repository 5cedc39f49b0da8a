package dev.ascendcp.ray;

import dev.ascendcp.inventory.ClusterResponse;
import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.UnknownClusterException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Loads a job's cluster from the inventory, and records what a finished job leaves: runbook and Ray state. */
@Component
class PlanLoader {

    private final Inventory inventory;
    private final RayStore store;

    PlanLoader(Inventory inventory, RayStore store) {
        this.inventory = inventory;
        this.store = store;
    }

    BootstrapPlan load(UUID clusterId, Map<String, Object> options) {
        ClusterResponse cluster =
                inventory.findCluster(clusterId).orElseThrow(() -> UnknownClusterException.forId(clusterId));
        return new BootstrapPlan(cluster, inventory.nodesOf(clusterId), BootstrapOptions.of(options));
    }

    @SuppressWarnings("unchecked")
    void saveRunbook(BootstrapPlan plan, FinishedJob finished) {
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, List<String>> commands = new HashMap<>();
        plan.nodes().forEach(n -> {
            names.put(n.id(), n.name());
            Object lines = finished.attributes().get(NodeShell.runbookKey(n.id()));
            if (lines instanceof List<?> list && !list.isEmpty()) {
                commands.put(n.id(), List.copyOf((List<String>) list));
            }
        });
        store.saveRunbook(plan.cluster().id(), finished.job().id(), names, commands);
    }

    /** A state for a job that changed Ray but ended before (or without) a post-check. */
    void saveState(BootstrapPlan plan, FinishedJob finished, RayState state) {
        String message =
                finished.job().status() == JobStatus.SUCCEEDED || finished.job().error() == null
                        ? null
                        : finished.job().error().message();
        store.saveState(new RayStatusView(
                plan.cluster().id(),
                state,
                state == RayState.STOPPED ? null : plan.headAddress(),
                0,
                plan.nodes().size(),
                0,
                plan.npusTotal(),
                state == RayState.STOPPED ? null : plan.dashboardUrl(),
                message,
                finished.job().id(),
                Instant.now()));
        if (state == RayState.STOPPED) {
            store.rayStopped(plan.cluster().id());
        }
    }
}
