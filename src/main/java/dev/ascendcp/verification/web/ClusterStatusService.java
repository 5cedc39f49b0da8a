package dev.ascendcp.verification.web;

import dev.ascendcp.inventory.ClusterResponse;
import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.UnknownClusterException;
import dev.ascendcp.verification.ClusterVerification;
import dev.ascendcp.verification.NodeVerdict;
import dev.ascendcp.verification.NpuVerdict;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.Problem;
import dev.ascendcp.verification.RayStatusSource;
import dev.ascendcp.verification.ServingStatusSource;
import dev.ascendcp.verification.Verdict;
import dev.ascendcp.verification.VerificationDiff;
import dev.ascendcp.verification.phase.LiveVerifications;
import dev.ascendcp.verification.store.StoredVerification;
import dev.ascendcp.verification.store.VerificationStore;
import dev.ascendcp.verification.web.ClusterStatusResponse.NodeStatus;
import dev.ascendcp.verification.web.ClusterStatusResponse.NpuStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Assembles the status, the diff and the cluster checks of a cluster from the stored verifications. */
@Service
class ClusterStatusService {

    private final Inventory inventory;
    private final VerificationStore store;
    private final LiveVerifications live;
    private final RayStatusSource ray;
    private final ServingStatusSource serving;

    ClusterStatusService(
            Inventory inventory,
            VerificationStore store,
            LiveVerifications live,
            RayStatusSource ray,
            ServingStatusSource serving) {
        this.inventory = inventory;
        this.store = store;
        this.live = live;
        this.ray = ray;
        this.serving = serving;
    }

    ClusterResponse cluster(UUID clusterId) {
        return inventory.findCluster(clusterId).orElseThrow(() -> UnknownClusterException.forId(clusterId));
    }

    List<NodeResponse> nodes(UUID clusterId) {
        cluster(clusterId);
        return inventory.nodesOf(clusterId);
    }

    Optional<StoredVerification> latest(UUID clusterId) {
        cluster(clusterId);
        return store.latest(clusterId);
    }

    ClusterStatusResponse status(UUID clusterId) {
        Optional<StoredVerification> latest = latest(clusterId);
        // a job whose verdict is already stored is over, even if its live entry is not yet dropped
        ClusterStatusResponse.Running running = live.of(clusterId)
                .filter(l -> latest.map(v -> !v.jobId().equals(l.jobId())).orElse(true))
                .map(ClusterStatusService::running)
                .orElse(null);
        ClusterStatusResponse.Verification verification = latest.map(v -> verification(v, running))
                .orElseGet(() -> new ClusterStatusResponse.Verification(
                        "NOT_RUN", null, null, null, List.of(), null, List.of(), running));
        return new ClusterStatusResponse(
                clusterId, verification, ray.rayStatus(clusterId), serving.servingStatus(clusterId));
    }

    VerificationDiffResponse diff(UUID clusterId) {
        Optional<StoredVerification> latest = latest(clusterId);
        if (latest.isEmpty()) {
            return new VerificationDiffResponse(null, null, List.of(), List.of());
        }
        Optional<StoredVerification> previous = store.previous(latest.get());
        if (previous.isEmpty()) {
            return new VerificationDiffResponse(latest.get().jobId(), null, List.of(), List.of());
        }
        VerificationDiff diff = VerificationDiff.between(
                previous.get().verification(), latest.get().verification());
        return new VerificationDiffResponse(
                latest.get().jobId(), previous.get().jobId(), diff.newlyFailing(), diff.recovered());
    }

    private static ClusterStatusResponse.Running running(LiveVerifications.Live l) {
        return new ClusterStatusResponse.Running(
                l.jobId(),
                l.stage(),
                l.pingsPlanned(),
                l.pingsDone(),
                l.nodesTotal(),
                l.collected().size(),
                l.nodesPinged(),
                l.collected().stream().map(c -> node(c.verdict(), c.nodeId())).toList());
    }

    static String result(Verdict verdict) {
        return verdict.ok() ? "PASSED" : "FAILED";
    }

    private static ClusterStatusResponse.Verification verification(
            StoredVerification stored, ClusterStatusResponse.Running running) {
        ClusterVerification cv = stored.verification();
        List<NodeStatus> nodes = cv.nodes().stream()
                .map(n -> node(n, stored.nodeIds().get(n.node())))
                .toList();
        PingReport ping = cv.ping();
        return new ClusterStatusResponse.Verification(
                result(cv.verdict()),
                cv.verdict().name(),
                stored.jobId(),
                stored.checkedAt(),
                nodes,
                ping == null
                        ? null
                        : new ClusterStatusResponse.Ping(
                                ping.strategy().name(),
                                ping.pairs(),
                                ping.failed(),
                                stored.pingPackets(),
                                texts(ping.problems())),
                texts(cv.problems()),
                running);
    }

    private static NodeStatus node(NodeVerdict n, UUID nodeId) {
        return new NodeStatus(
                nodeId,
                n.node(),
                n.reachable(),
                n.verdict().name(),
                n.npus().stream().map(ClusterStatusService::npu).toList(),
                texts(n.problems()));
    }

    private static NpuStatus npu(NpuVerdict npu) {
        return new NpuStatus(
                npu.index(),
                npu.ip(),
                npu.link().name(),
                npu.health(),
                npu.lldpPort(),
                npu.netdetect(),
                npu.gateway(),
                npu.ok(),
                npu.verdict().name(),
                texts(npu.problems()));
    }

    static List<String> texts(List<Problem> problems) {
        return problems.stream().map(Problem::text).toList();
    }
}
