package dev.ascendcp.serving;

import dev.ascendcp.verification.ServingStatusSource;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The {@code serving} section of a cluster's status, from the endpoint state the Serve phase and monitor keep. */
@Component
class ServingClusterStatus implements ServingStatusSource {

    // Qualified: the port's nested ServingStatus record shadows this module's ServingStatus service here.
    private final dev.ascendcp.serving.ServingStatus status;

    ServingClusterStatus(dev.ascendcp.serving.ServingStatus status) {
        this.status = status;
    }

    @Override
    public ServingStatusSource.ServingStatus servingStatus(UUID clusterId) {
        ServingView view = status.current(clusterId);
        return new ServingStatusSource.ServingStatus(view.state().name(), view.url(), view.model(), view.checkedAt());
    }
}
