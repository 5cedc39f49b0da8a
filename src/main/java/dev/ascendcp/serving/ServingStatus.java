package dev.ascendcp.serving;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The serving module's read API: a cluster's endpoint state (for the status page and the API) and its history. */
@Service
public class ServingStatus {

    private final ServingStore store;

    ServingStatus(ServingStore store) {
        this.store = store;
    }

    /** The endpoint of a cluster; {@code STOPPED} when nothing was ever served. */
    public ServingView current(UUID clusterId) {
        return store.view(clusterId);
    }

    /** The endpoint's state changes, newest first. */
    public Page<ServingEventView> history(UUID clusterId, Pageable pageable) {
        return store.history(clusterId, pageable);
    }

    /** Clusters whose endpoint is READY (for the playground). */
    public List<UUID> readyClusters() {
        return store.inStates(List.of(ServingState.READY)).stream()
                .map(ServingEndpoint::getClusterId)
                .toList();
    }
}
