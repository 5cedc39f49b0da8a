package dev.ascendcp.verification.web;

import dev.ascendcp.inventory.ClusterDeleted;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.verification.PingPairResult;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.store.StoredVerification;
import dev.ascendcp.verification.store.VerificationStored;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ping matrix of a cluster's latest verification as JSON. A 64-node SAME_INDEX matrix is 32 256 pairs (about 5 MB
 * of JSON), so it is serialised once per verification and node list, as soon as the verification is stored, and then
 * served as bytes; a new verification, a changed node list or the cluster's deletion replaces or drops the bytes.
 */
@Service
class PingMatrixService {

    private static final Logger log = LoggerFactory.getLogger(PingMatrixService.class);

    private record Cached(UUID verificationId, List<PingMatrixResponse.MatrixNode> nodes, byte[] json) {}

    private final ClusterStatusService status;
    private final JsonMapper json;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    PingMatrixService(ClusterStatusService status, JsonMapper json) {
        this.status = status;
        this.json = json;
    }

    /** The matrix serialised as {@code GET /api/v1/clusters/{id}/ping-matrix} answers it. */
    byte[] json(UUID clusterId) {
        List<PingMatrixResponse.MatrixNode> nodes = nodes(status.nodes(clusterId));
        Optional<StoredVerification> latest = status.latest(clusterId);
        if (latest.isEmpty()) {
            cache.remove(clusterId);
            return json.writeValueAsBytes(new PingMatrixResponse(null, null, nodes, List.of()));
        }
        Cached cached = cache.get(clusterId);
        if (cached != null
                && cached.verificationId().equals(latest.get().id())
                && cached.nodes().equals(nodes)) {
            return cached.json();
        }
        byte[] bytes = json.writeValueAsBytes(build(latest.get(), nodes));
        cache.put(clusterId, new Cached(latest.get().id(), nodes, bytes));
        return bytes;
    }

    /** After the commit: a request in between must not cache the deleted cluster's bytes again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onClusterDeleted(ClusterDeleted deleted) {
        cache.remove(deleted.clusterId());
    }

    /**
     * Serialises a new verification's matrix right away (on the job's thread, after the commit), so that the
     * dashboard's refresh at the end of the run, and every later one, gets bytes.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onStored(VerificationStored stored) {
        try {
            json(stored.clusterId());
        } catch (RuntimeException e) {
            log.warn("Could not prepare the ping matrix of cluster {}: {}", stored.clusterId(), e.toString());
        }
    }

    private static PingMatrixResponse build(StoredVerification v, List<PingMatrixResponse.MatrixNode> nodes) {
        Map<String, UUID> ids = v.nodeIds();
        List<PingMatrixResponse.Result> results = new ArrayList<>();
        PingReport ping = v.verification().ping();
        if (ping != null) {
            for (PingPairResult r : ping.results()) {
                UUID from = ids.get(r.pair().fromNode());
                UUID to = ids.get(r.pair().toNode());
                if (from != null && to != null) {
                    results.add(new PingMatrixResponse.Result(
                            new PingMatrixResponse.From(from, r.pair().fromNpu()),
                            new PingMatrixResponse.To(
                                    to, r.pair().toNpu(), r.pair().toIp()),
                            r.lossPercent(),
                            r.avgRttMs()));
                }
            }
        }
        return new PingMatrixResponse(
                v.jobId(), ping == null ? null : ping.strategy().name(), nodes, List.copyOf(results));
    }

    private static List<PingMatrixResponse.MatrixNode> nodes(List<NodeResponse> nodes) {
        return nodes.stream()
                .map(n -> new PingMatrixResponse.MatrixNode(n.id(), n.name(), n.npuCount()))
                .toList();
    }
}
