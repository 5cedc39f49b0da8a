package dev.ascendcp.ray;

import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The module's read API: the Ray state of a cluster (for {@code GET /api/v1/clusters/{id}/status}'s {@code ray}
 * section and the cluster page) and the runbook of the commands each node ran.
 */
@Service
public class RayStatus {

    private final RayStore store;

    RayStatus(RayStore store) {
        this.store = store;
    }

    /** What the last Bootstrap post-check or Teardown found; NOT_STARTED when neither ran. */
    public RayStatusView current(UUID clusterId) {
        return store.state(clusterId).orElseGet(() -> RayStatusView.notStarted(clusterId));
    }

    /** Per node the exact commands of the last Bootstrap or Teardown that ran there, and Ray's env. */
    public RayRunbook commands(UUID clusterId) {
        return new RayRunbook(clusterId, store.runbook(clusterId));
    }
}
