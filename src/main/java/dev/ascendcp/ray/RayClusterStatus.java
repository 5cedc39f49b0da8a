package dev.ascendcp.ray;

import dev.ascendcp.verification.RayStatusSource;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The {@code ray} section of a cluster's status, from the Ray state the Bootstrap and Teardown phases store. */
@Component
class RayClusterStatus implements RayStatusSource {

    // Qualified: the port's nested RayStatus record shadows this module's RayStatus service here.
    private final dev.ascendcp.ray.RayStatus status;

    RayClusterStatus(dev.ascendcp.ray.RayStatus status) {
        this.status = status;
    }

    @Override
    public RayStatusSource.RayStatus rayStatus(UUID clusterId) {
        RayStatusView view = status.current(clusterId);
        boolean started = view.state() != RayState.NOT_STARTED;
        return new RayStatusSource.RayStatus(
                view.state().name(),
                view.headAddress(),
                started ? view.nodesAlive() : null,
                started ? view.npusTotal() : null,
                view.checkedAt());
    }
}
