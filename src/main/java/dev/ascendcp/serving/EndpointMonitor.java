package dev.ascendcp.serving;

import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.inventory.NodeResponse;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks READY endpoints (and those that failed a health check) periodically: {@code /health} decides READY or FAILED
 * (a change goes into the cluster's serving history), and {@code /metrics} of a READY endpoint is scraped.
 */
@Component
class EndpointMonitor {

    static final String HEALTH_CHECK_FAILED = "HEALTH_CHECK_FAILED";
    private static final Logger log = LoggerFactory.getLogger(EndpointMonitor.class);

    private final ServingStore store;
    private final Inventory inventory;
    private final EndpointAccess access;
    private final EndpointClient client;

    EndpointMonitor(ServingStore store, Inventory inventory, EndpointAccess access, EndpointClient client) {
        this.store = store;
        this.inventory = inventory;
        this.access = access;
        this.client = client;
    }

    @Scheduled(
            fixedDelayString = "${ascendcp.serving.health-check-interval:30s}",
            initialDelayString = "${ascendcp.serving.health-check-interval:30s}")
    void checkAll() {
        for (ServingEndpoint endpoint : store.inStates(List.of(ServingState.READY, ServingState.FAILED))) {
            boolean watched =
                    endpoint.getState() == ServingState.READY || HEALTH_CHECK_FAILED.equals(endpoint.getReason());
            if (watched && endpoint.getHeadNodeId() != null && endpoint.getPort() != null) {
                try {
                    check(endpoint);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("Health check of cluster {} failed: {}", endpoint.getClusterId(), e.toString());
                }
            }
        }
    }

    /** One check of one endpoint. */
    void check(ServingEndpoint endpoint) throws InterruptedException {
        NodeResponse head = inventory.findNode(endpoint.getHeadNodeId()).orElse(null);
        if (head == null) {
            return;
        }
        int port = endpoint.getPort();
        URI base;
        int status;
        try {
            base = access.baseFor(head, port);
            status = client.health(base);
        } catch (RuntimeException e) {
            access.forget(head, port);
            base = null;
            status = -1;
        }
        if (status != 200) {
            String why = status < 0 ? "GET /health: no answer" : "GET /health answered " + status;
            store.transition(endpoint.getClusterId(), ServingState.FAILED, HEALTH_CHECK_FAILED, why);
            return;
        }
        if (endpoint.getState() != ServingState.READY) {
            store.transition(endpoint.getClusterId(), ServingState.READY, null, "GET /health answers 200 again");
        } else {
            store.checked(endpoint.getClusterId());
        }
        scrape(endpoint, base);
    }

    private void scrape(ServingEndpoint endpoint, URI base) throws InterruptedException {
        try {
            String text = client.metrics(base);
            store.metrics(
                    endpoint.getClusterId(),
                    PrometheusText.metrics(text, Instant.now(), store.metrics(endpoint.getClusterId())));
        } catch (java.io.IOException e) {
            log.debug("No metrics from cluster {}: {}", endpoint.getClusterId(), e.toString());
        }
    }
}
