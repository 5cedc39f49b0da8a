package dev.ascendcp.serving;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores endpoint states and records every state change in the cluster's serving history. */
@Service
class ServingStore {

    private final ServingEndpointRepository endpoints;
    private final ServingEventRepository events;
    private final Map<UUID, EndpointMetrics> metrics = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    ServingStore(ServingEndpointRepository endpoints, ServingEventRepository events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    /** Moves the endpoint to {@code state} after applying {@code change}; a change of state is recorded. */
    @Transactional
    public ServingView transition(
            UUID clusterId,
            ServingState state,
            @Nullable String reason,
            @Nullable String message,
            Consumer<ServingEndpoint> change) {
        Instant now = clock.instant();
        Optional<ServingEndpoint> existing = endpoints.findById(clusterId);
        ServingEndpoint endpoint = existing.orElseGet(() -> new ServingEndpoint(clusterId, now));
        ServingState before = existing.map(ServingEndpoint::getState).orElse(null);
        change.accept(endpoint);
        if (endpoint.moveTo(state, now, reason, message) || before == null) {
            events.save(new ServingEvent(clusterId, now, before, state, reason, message));
        }
        if (state != ServingState.READY) {
            metrics.remove(clusterId);
        }
        return ServingView.of(endpoints.save(endpoint), metrics.get(clusterId));
    }

    @Transactional
    public ServingView transition(
            UUID clusterId, ServingState state, @Nullable String reason, @Nullable String message) {
        return transition(clusterId, state, reason, message, e -> {});
    }

    @Transactional
    public void checked(UUID clusterId) {
        endpoints.findById(clusterId).ifPresent(e -> e.checked(clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<ServingEndpoint> find(UUID clusterId) {
        return endpoints.findById(clusterId);
    }

    @Transactional(readOnly = true)
    public ServingView view(UUID clusterId) {
        return endpoints
                .findById(clusterId)
                .map(e -> ServingView.of(e, metrics.get(clusterId)))
                .orElseGet(() -> ServingView.stopped(clusterId));
    }

    @Transactional(readOnly = true)
    public List<ServingEndpoint> inStates(List<ServingState> states) {
        return endpoints.findByStateIn(states);
    }

    @Transactional(readOnly = true)
    public Page<ServingEventView> history(UUID clusterId, Pageable pageable) {
        return events.findByClusterIdOrderByAtDesc(clusterId, pageable).map(ServingEvent::toView);
    }

    void metrics(UUID clusterId, EndpointMetrics latest) {
        metrics.put(clusterId, latest);
    }

    @Nullable
    EndpointMetrics metrics(UUID clusterId) {
        return metrics.get(clusterId);
    }
}
