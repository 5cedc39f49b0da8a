package dev.ascendcp.verification.phase;

import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.FinishedJob;
import dev.ascendcp.jobs.JobStatus;
import dev.ascendcp.jobs.JobView;
import dev.ascendcp.jobs.StepView;
import dev.ascendcp.verification.ClusterVerification;
import dev.ascendcp.verification.NodeChecks;
import dev.ascendcp.verification.NodeFacts;
import dev.ascendcp.verification.NodeVerdict;
import dev.ascendcp.verification.PingPlan;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.PingResults;
import dev.ascendcp.verification.Section;
import dev.ascendcp.verification.store.StoredVerification;
import dev.ascendcp.verification.store.VerificationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what the steps of a finished VERIFY job left in its attributes into the cluster's verdict and stores it. A
 * node without a verdict (unreachable, or never run) is recorded as unreachable with its step's message. Cancelled
 * jobs are not recorded: their verdict would be incomplete.
 */
@Component
class VerificationRecorder {

    private static final Logger log = LoggerFactory.getLogger(VerificationRecorder.class);

    private final VerificationStore store;
    private final Inventory inventory;
    private final LiveVerifications live;

    VerificationRecorder(VerificationStore store, Inventory inventory, LiveVerifications live) {
        this.store = store;
        this.inventory = inventory;
        this.live = live;
    }

    void record(FinishedJob finished) {
        JobView job = finished.job();
        try {
            if (job.status() == JobStatus.SUCCEEDED || job.status() == JobStatus.FAILED) {
                StoredVerification saved = store.save(verification(job, finished.attributes()));
                log.info(
                        "Verification of cluster {} by job {}: {}",
                        job.clusterName(),
                        job.id(),
                        saved.verification().verdict());
            }
        } finally {
            live.finished(job.clusterId(), job.id());
        }
    }

    StoredVerification verification(JobView job, Map<String, Object> attributes) {
        Map<UUID, String> nodes = new LinkedHashMap<>();
        Map<UUID, String> messages = new HashMap<>();
        for (StepView step : job.steps()) {
            nodes.putIfAbsent(step.nodeId(), step.nodeName());
            if (step.name().endsWith(VerifyPhase.COLLECT) && step.message() != null) { // "verify/collect" in a Deploy
                messages.put(step.nodeId(), step.message());
            }
        }
        List<NodeVerdict> verdicts = new ArrayList<>();
        Map<String, UUID> ids = new LinkedHashMap<>();
        Map<String, List<Section>> pings = new HashMap<>();
        nodes.forEach((id, name) -> {
            ids.put(name, id);
            Object verdict = attributes.get(JobKeys.verdict(id));
            verdicts.add(
                    verdict instanceof NodeVerdict v
                            ? v
                            : NodeChecks.unreachable(
                                    new NodeFacts(name, npuCount(id)), messages.getOrDefault(id, "not checked")));
            @SuppressWarnings("unchecked")
            List<Section> sections = (List<Section>) attributes.get(JobKeys.pings(id));
            if (sections != null) {
                pings.put(name, sections);
            }
        });
        PingPlan plan = (PingPlan) attributes.get(JobKeys.PLAN);
        PingReport report = plan == null ? null : PingResults.evaluate(plan, pings);
        VerifyOptions options = VerifyOptions.from(job.options());
        return new StoredVerification(
                UUID.randomUUID(),
                job.id(),
                job.clusterId(),
                job.finishedAt() == null ? Instant.now() : job.finishedAt(),
                job.requestedBy(),
                options.strategy(),
                options.pingCount(),
                ids,
                ClusterVerification.of(verdicts, report));
    }

    private int npuCount(UUID nodeId) {
        return inventory.findNode(nodeId).map(NodeResponse::npuCount).orElse(0);
    }
}
