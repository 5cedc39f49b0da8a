package dev.ascendcp.inventory;

import dev.ascendcp.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes clusters; a node belongs to at most one cluster. */
@Service
class ClusterService {

    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final RequestValidator validator;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ClusterService(
            ClusterRepository clusters,
            NodeRepository nodes,
            RequestValidator validator,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.clusters = clusters;
        this.nodes = nodes;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    Page<ClusterResponse> list(Pageable pageable) {
        return clusters.findAll(pageable).map(ClusterResponse::of);
    }

    @Transactional(readOnly = true)
    ClusterResponse get(UUID id) {
        return ClusterResponse.of(find(id));
    }

    @Transactional
    ClusterResponse create(ClusterRequest request) {
        Node head = check(request, null);
        Cluster cluster = new Cluster(Instant.now(clock));
        cluster.update(request, head.getNpuCount(), cluster.getCreatedAt());
        cluster.setMembers(request.headNodeId(), request.workers());
        save(cluster);
        audit.record("cluster.create", "cluster:" + cluster.getName(), describe(cluster));
        return ClusterResponse.of(cluster);
    }

    @Transactional
    ClusterResponse update(UUID id, ClusterRequest request) {
        Cluster cluster = find(id);
        Node head = check(request, cluster);
        cluster.update(request, head.getNpuCount(), Instant.now(clock));
        List<UUID> members = new ArrayList<>();
        members.add(request.headNodeId());
        members.addAll(request.workers());
        if (!members.equals(cluster.getMemberIds())) {
            // Rows are rewritten in place by index; emptying first keeps the "one cluster per node" key valid.
            cluster.clearMembers();
            clusters.saveAndFlush(cluster);
            cluster.setMembers(request.headNodeId(), request.workers());
        }
        save(cluster);
        audit.record("cluster.update", "cluster:" + cluster.getName(), describe(cluster));
        return ClusterResponse.of(cluster);
    }

    @Transactional
    void delete(UUID id) {
        Cluster cluster = find(id);
        try {
            clusters.delete(cluster);
            clusters.flush();
        } catch (DataIntegrityViolationException e) {
            throw InventoryException.conflict("cluster-in-use", "id", "is still referenced (e.g. by jobs)");
        }
        audit.record("cluster.delete", "cluster:" + cluster.getName(), null);
        events.publishEvent(new ClusterDeleted(id, cluster.getName()));
    }

    Cluster find(UUID id) {
        return clusters.findById(id).orElseThrow(() -> InventoryException.notFound("cluster", id));
    }

    /** Checks every rule and answers the head node. */
    private Node check(ClusterRequest request, @Nullable Cluster existing) {
        validator.check(request);
        List<FieldProblem> problems = new ArrayList<>();
        checkMembers(request, problems);
        checkPorts(request, problems);
        checkExtraArgs(request, problems);
        if (!problems.isEmpty()) {
            throw InventoryException.unprocessable("inconsistent-cluster", problems);
        }
        Optional<Node> head = nodes.findById(request.headNodeId());
        List<FieldProblem> missing = new ArrayList<>();
        if (head.isEmpty()) {
            missing.add(new FieldProblem("headNodeId", "refers to no node"));
        }
        for (int i = 0; i < request.workers().size(); i++) {
            if (!nodes.existsById(request.workers().get(i))) {
                missing.add(new FieldProblem("workerNodeIds[" + i + "]", "refers to no node"));
            }
        }
        if (!missing.isEmpty()) {
            throw InventoryException.unprocessable("unknown-reference", missing);
        }
        checkNotInOtherCluster(request.headNodeId(), "headNodeId", existing);
        for (int i = 0; i < request.workers().size(); i++) {
            checkNotInOtherCluster(request.workers().get(i), "workerNodeIds[" + i + "]", existing);
        }
        boolean renamed = existing == null || !existing.getName().equals(request.name());
        if (renamed && clusters.existsByName(request.name())) {
            throw InventoryException.conflict("duplicate-name", "name", "is already used by another cluster");
        }
        return head.get();
    }

    private void checkNotInOtherCluster(UUID nodeId, String field, @Nullable Cluster existing) {
        Optional<UUID> owner = clusters.findClusterIdOfNode(nodeId);
        if (owner.isPresent() && (existing == null || !owner.get().equals(existing.getId()))) {
            String name = clusters.findById(owner.get())
                    .map(Cluster::getName)
                    .orElse(owner.get().toString());
            throw InventoryException.conflict("node-in-other-cluster", field, "is already a member of cluster " + name);
        }
    }

    private static void checkMembers(ClusterRequest request, List<FieldProblem> problems) {
        Set<UUID> seen = new HashSet<>();
        seen.add(request.headNodeId());
        for (int i = 0; i < request.workers().size(); i++) {
            UUID worker = request.workers().get(i);
            if (worker.equals(request.headNodeId())) {
                problems.add(
                        new FieldProblem("workerNodeIds[" + i + "]", "is the head node; it cannot also be a worker"));
            } else if (!seen.add(worker)) {
                problems.add(new FieldProblem("workerNodeIds[" + i + "]", "is listed twice"));
            }
        }
    }

    private static void checkPorts(ClusterRequest request, List<FieldProblem> problems) {
        int rayPort = request.rayOrDefault().port() == null
                ? 6379
                : request.rayOrDefault().port();
        int dashboard = request.rayOrDefault().dashboardPort() == null
                ? 8265
                : request.rayOrDefault().dashboardPort();
        int serve = request.serveOrDefault().port() == null
                ? 8000
                : request.serveOrDefault().port();
        if (dashboard == rayPort) {
            problems.add(new FieldProblem("ray.dashboardPort", "must differ from ray.port"));
        }
        if (serve == rayPort || serve == dashboard) {
            problems.add(new FieldProblem("serve.port", "must differ from the Ray ports"));
        }
    }

    private static void checkExtraArgs(ClusterRequest request, List<FieldProblem> problems) {
        List<String> args = request.serveOrDefault().extraArgs();
        for (int i = 0; args != null && i < args.size(); i++) {
            String flag = args.get(i).split("=", 2)[0];
            if (InventoryPatterns.VLLM_SPEC_FLAGS.contains(flag)) {
                problems.add(new FieldProblem(
                        "serve.extraArgs[" + i + "]", "sets " + flag + ", which the cluster's own fields control"));
            }
        }
    }

    private void save(Cluster cluster) {
        try {
            clusters.saveAndFlush(cluster);
        } catch (DataIntegrityViolationException e) {
            throw InventoryException.conflict(
                    "duplicate", "name", "or one of the nodes is already used by another cluster");
        }
    }

    private static String describe(Cluster cluster) {
        return "head=" + cluster.getHeadNodeId() + " workers=" + cluster.getWorkerNodeIds() + " image="
                + cluster.getContainerImage() + " model=" + cluster.getModel() + " tp="
                + cluster.getTensorParallelSize()
                + " pp=" + cluster.getPipelineParallelSize();
    }
}
