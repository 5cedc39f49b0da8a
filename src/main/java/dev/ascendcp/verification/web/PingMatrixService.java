package dev.ascendcp.verification.web;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.verification.PingPairResult;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.store.StoredVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** The ping matrix of a cluster's latest verification, built once per verification and then served from memory. */
@Service
class PingMatrixService {

    private record Cached(UUID verificationId, PingMatrixResponse matrix) {}

    private final ClusterStatusService status;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    PingMatrixService(ClusterStatusService status) {
        this.status = status;
    }

    PingMatrixResponse matrix(UUID clusterId) {
        List<NodeResponse> inventoryNodes = status.nodes(clusterId);
        Optional<StoredVerification> latest = status.latest(clusterId);
        if (latest.isEmpty()) {
            return new PingMatrixResponse(null, null, nodes(inventoryNodes), List.of());
        }
        Cached cached = cache.get(clusterId);
        if (cached != null && cached.verificationId().equals(latest.get().id())) {
            return cached.matrix();
        }
        PingMatrixResponse matrix = build(latest.get(), inventoryNodes);
        cache.put(clusterId, new Cached(latest.get().id(), matrix));
        return matrix;
    }

    private static PingMatrixResponse build(StoredVerification v, List<NodeResponse> inventoryNodes) {
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
                v.jobId(), ping == null ? null : ping.strategy().name(), nodes(inventoryNodes), List.copyOf(results));
    }

    private static List<PingMatrixResponse.MatrixNode> nodes(List<NodeResponse> nodes) {
        return nodes.stream()
                .map(n -> new PingMatrixResponse.MatrixNode(n.id(), n.name(), n.npuCount()))
                .toList();
    }
}
