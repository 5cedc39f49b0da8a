package dev.ascendcp.verification.metrics;

import dev.ascendcp.inventory.ClusterDeleted;
import dev.ascendcp.inventory.ClusterResponse;
import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.verification.store.StoredVerification;
import dev.ascendcp.verification.store.VerificationStore;
import dev.ascendcp.verification.store.VerificationStored;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the gauges of {@link NpuMetric} equal to the latest verification of every cluster in the inventory: set when
 * a verification is stored, dropped when its cluster is deleted, and re-read at start-up and every
 * {@code ascendcp.verification.metrics-refresh} (which also picks up verifications stored by another replica and
 * renamed clusters). Only what changed is re-registered.
 */
@Component
class NpuMetrics {

    private static final Logger log = LoggerFactory.getLogger(NpuMetrics.class);

    /** What is published for one cluster: from which verification, under which name. */
    private record Published(UUID verificationId, String clusterName, List<MetricSample> samples) {}

    private final VerificationStore store;
    private final Inventory inventory;
    private final Map<NpuMetric, MultiGauge> gauges = new EnumMap<>(NpuMetric.class);
    private final Map<UUID, Published> published = new ConcurrentHashMap<>();

    NpuMetrics(MeterRegistry registry, VerificationStore store, Inventory inventory) {
        this.store = store;
        this.inventory = inventory;
        for (NpuMetric metric : NpuMetric.values()) {
            gauges.put(
                    metric,
                    MultiGauge.builder(metric.meterName)
                            .description(metric.description)
                            .register(registry));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onStored(VerificationStored stored) {
        guarded(() -> {
            if (refresh(
                    stored.clusterId(),
                    inventory.findCluster(stored.clusterId()).map(ClusterResponse::name))) {
                publish();
            }
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onClusterDeleted(ClusterDeleted deleted) {
        guarded(() -> {
            if (published.remove(deleted.clusterId()) != null) {
                publish();
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        guarded(this::refreshAll);
    }

    @Scheduled(
            fixedDelayString = "${ascendcp.verification.metrics-refresh:1m}",
            initialDelayString = "${ascendcp.verification.metrics-refresh:1m}")
    void periodically() {
        guarded(this::refreshAll);
    }

    /** Re-reads every cluster that has a verification; publishes when anything changed. */
    synchronized void refreshAll() {
        Set<UUID> clusters = new HashSet<>(store.verifiedClusters());
        boolean changed = published.keySet().retainAll(clusters);
        // one inventory read for every cluster's name, not one per cluster
        Map<UUID, String> names = new HashMap<>();
        inventory.listClusters().forEach(c -> names.put(c.id(), c.name()));
        for (UUID clusterId : clusters) {
            changed |= refresh(clusterId, Optional.ofNullable(names.get(clusterId)));
        }
        if (changed) {
            publish();
        }
    }

    /** Brings one cluster's entry up to date ({@code name} empty: the cluster is gone); answers whether it changed. */
    private synchronized boolean refresh(UUID clusterId, Optional<String> name) {
        Optional<StoredVerification> latest = name.isPresent() ? store.latest(clusterId) : Optional.empty();
        if (name.isEmpty() || latest.isEmpty()) {
            return published.remove(clusterId) != null;
        }
        Published now = published.get(clusterId);
        StoredVerification v = latest.get();
        if (now != null
                && now.verificationId().equals(v.id())
                && now.clusterName().equals(name.get())) {
            return false;
        }
        published.put(clusterId, new Published(v.id(), name.get(), VerificationSamples.of(name.get(), v)));
        return true;
    }

    private synchronized void publish() {
        Map<NpuMetric, List<MultiGauge.Row<?>>> rows = new EnumMap<>(NpuMetric.class);
        for (NpuMetric metric : NpuMetric.values()) {
            rows.put(metric, new ArrayList<>());
        }
        for (Published p : published.values()) {
            for (MetricSample s : p.samples()) {
                rows.get(s.metric()).add(MultiGauge.Row.of(tags(s), s.value()));
            }
        }
        rows.forEach((metric, list) -> gauges.get(metric).register(list, true));
    }

    private static Tags tags(MetricSample s) {
        List<String> keys = s.metric().labels.keys;
        Tags tags = Tags.empty();
        for (int i = 0; i < keys.size(); i++) {
            tags = tags.and(keys.get(i), s.labels().get(i));
        }
        return tags;
    }

    /** Metrics must never break what triggered them (a job's end, a deletion, the start-up). */
    private static void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Could not update the NPU metrics: {}", e.toString());
        }
    }
}
