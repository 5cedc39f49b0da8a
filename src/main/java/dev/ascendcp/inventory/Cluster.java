package dev.ascendcp.inventory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/** A set of nodes that run one vLLM deployment: the head is member 0, the workers follow. */
@Entity
@Table(name = "cluster")
class Cluster {

    /** How many clusters' collections one statement loads when a list of clusters is read ({@link Inventory#listClusters()}). */
    private static final int LIST_BATCH = 64;

    @Id
    private UUID id;

    private String name;

    @ElementCollection
    @BatchSize(size = LIST_BATCH)
    @CollectionTable(name = "cluster_node", joinColumns = @JoinColumn(name = "cluster_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "node_id")
    private List<UUID> memberIds = new ArrayList<>();

    private String containerImage;
    private String containerName;
    private String shmSize;

    @ElementCollection
    @BatchSize(size = LIST_BATCH)
    @CollectionTable(name = "cluster_mount", joinColumns = @JoinColumn(name = "cluster_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "mount")
    private List<String> mounts = new ArrayList<>();

    private int rayPort;
    private int rayDashboardPort;

    @Column(name = "serve_model")
    private @Nullable String model;

    private @Nullable String servedModelName;
    private int servePort;
    private int tensorParallelSize;
    private int pipelineParallelSize;
    private boolean enforceEager;
    private boolean trustRemoteCode;

    @ElementCollection
    @BatchSize(size = LIST_BATCH)
    @CollectionTable(name = "cluster_extra_arg", joinColumns = @JoinColumn(name = "cluster_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "arg")
    private List<String> extraArgs = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = LIST_BATCH)
    @CollectionTable(name = "cluster_env", joinColumns = @JoinColumn(name = "cluster_id"))
    @MapKeyColumn(name = "env_name")
    @Column(name = "env_value")
    private Map<String, String> env = new TreeMap<>();

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    protected Cluster() {
        this(Instant.EPOCH);
    }

    Cluster(Instant now) {
        this.id = UUID.randomUUID();
        this.name = "";
        this.containerImage = ClusterRequest.DEFAULT_IMAGE;
        this.containerName = "vllm-ascend";
        this.shmSize = "10g";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Copies a validated request, filling in defaults; {@code headNpuCount} is the head's NPUs (the default TP). */
    void update(ClusterRequest request, int headNpuCount, Instant now) {
        this.name = request.name();
        ClusterRequest.Container container = request.containerOrDefault();
        this.containerImage = container.image() == null ? ClusterRequest.DEFAULT_IMAGE : container.image();
        this.containerName = container.name() == null ? "vllm-ascend" : container.name();
        this.shmSize = container.shmSize() == null ? "10g" : container.shmSize();
        replace(this.mounts, container.mounts());
        ClusterRequest.Ray ray = request.rayOrDefault();
        this.rayPort = ray.port() == null ? 6379 : ray.port();
        this.rayDashboardPort = ray.dashboardPort() == null ? 8265 : ray.dashboardPort();
        ClusterRequest.Serve serve = request.serveOrDefault();
        this.model = serve.model();
        this.servedModelName = serve.servedModelName();
        this.servePort = serve.port() == null ? 8000 : serve.port();
        this.tensorParallelSize = serve.tensorParallelSize() == null ? headNpuCount : serve.tensorParallelSize();
        this.pipelineParallelSize =
                serve.pipelineParallelSize() == null ? 1 + request.workers().size() : serve.pipelineParallelSize();
        this.enforceEager = Boolean.TRUE.equals(serve.enforceEager());
        this.trustRemoteCode = Boolean.TRUE.equals(serve.trustRemoteCode());
        replace(this.extraArgs, serve.extraArgs());
        this.env.clear();
        if (request.env() != null) {
            this.env.putAll(request.env());
        }
        this.updatedAt = now;
    }

    /** Replaces the members; the caller flushes between {@link #clearMembers()} and this to keep node ids unique. */
    void setMembers(UUID head, List<UUID> workers) {
        memberIds.clear();
        memberIds.add(head);
        memberIds.addAll(workers);
    }

    void clearMembers() {
        memberIds.clear();
    }

    List<UUID> getMemberIds() {
        return memberIds;
    }

    private static void replace(List<String> target, @Nullable List<String> values) {
        target.clear();
        if (values != null) {
            target.addAll(values);
        }
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    UUID getHeadNodeId() {
        return memberIds.get(0);
    }

    List<UUID> getWorkerNodeIds() {
        return List.copyOf(memberIds.subList(1, memberIds.size()));
    }

    String getContainerImage() {
        return containerImage;
    }

    String getContainerName() {
        return containerName;
    }

    String getShmSize() {
        return shmSize;
    }

    List<String> getMounts() {
        return mounts;
    }

    int getRayPort() {
        return rayPort;
    }

    int getRayDashboardPort() {
        return rayDashboardPort;
    }

    @Nullable
    String getModel() {
        return model;
    }

    @Nullable
    String getServedModelName() {
        return servedModelName;
    }

    int getServePort() {
        return servePort;
    }

    int getTensorParallelSize() {
        return tensorParallelSize;
    }

    int getPipelineParallelSize() {
        return pipelineParallelSize;
    }

    boolean isEnforceEager() {
        return enforceEager;
    }

    boolean isTrustRemoteCode() {
        return trustRemoteCode;
    }

    List<String> getExtraArgs() {
        return extraArgs;
    }

    Map<String, String> getEnv() {
        return env;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
