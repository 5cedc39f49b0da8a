package dev.ascendcp.inventory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Idempotent set-up of inventory entries by name, for provisioning code such as the demo profile: each call creates
 * the entry when its name is new, or brings the reachable address of an existing node up to date, through the same
 * validation and audit as the REST API.
 */
@Service
public class InventoryProvisioning {

    private final CredentialRepository credentialRepository;
    private final NodeRepository nodeRepository;
    private final ClusterRepository clusterRepository;
    private final CredentialService credentials;
    private final NodeService nodes;
    private final ClusterService clusters;

    InventoryProvisioning(
            CredentialRepository credentialRepository,
            NodeRepository nodeRepository,
            ClusterRepository clusterRepository,
            CredentialService credentials,
            NodeService nodes,
            ClusterService clusters) {
        this.credentialRepository = credentialRepository;
        this.nodeRepository = nodeRepository;
        this.clusterRepository = clusterRepository;
        this.credentials = credentials;
        this.nodes = nodes;
        this.clusters = clusters;
    }

    /** A node to provision: where it listens for SSH and what it has. */
    public record NodeSpec(
            String name, String host, int sshPort, String localIp, String nicName, int npuCount, boolean sudo) {}

    /** A cluster to provision: its nodes (head first) and the model it serves. */
    public record ClusterSpec(
            String name, List<UUID> nodeIds, String model, int tensorParallel, int pipelineParallel) {}

    /** The id of the key credential called {@code name}, created with this key if it does not exist yet. */
    public UUID ensureKeyCredential(String name, String username, String privateKey) {
        return credentialRepository
                .findByName(name)
                .map(Credential::getId)
                .orElseGet(() -> credentials
                        .create(new CredentialRequest(
                                name, username, CredentialKind.PRIVATE_KEY, privateKey, null, null))
                        .id());
    }

    /** The id of the node called {@code spec.name()}; an existing node gets the spec's host and port. */
    public UUID ensureNode(NodeSpec spec, UUID credentialId) {
        NodeRequest request = new NodeRequest(
                spec.name(),
                spec.host(),
                spec.sshPort(),
                credentialId,
                spec.sudo(),
                spec.localIp(),
                spec.nicName(),
                spec.npuCount(),
                Map.of("provisioned", "true"),
                null,
                null);
        return nodeRepository
                .findByName(spec.name())
                .map(node -> node.getHost().equals(spec.host()) && node.getSshPort() == spec.sshPort()
                        ? node.getId()
                        : nodes.update(node.getId(), request).id())
                .orElseGet(() -> nodes.create(request).id());
    }

    /** The id of the cluster called {@code spec.name()}, created with the given nodes if it does not exist yet. */
    public UUID ensureCluster(ClusterSpec spec) {
        return clusterRepository
                .findByName(spec.name())
                .map(Cluster::getId)
                .orElseGet(() -> clusters.create(new ClusterRequest(
                                spec.name(),
                                spec.nodeIds().get(0),
                                spec.nodeIds().subList(1, spec.nodeIds().size()),
                                null,
                                null,
                                new ClusterRequest.Serve(
                                        spec.model(),
                                        null,
                                        null,
                                        spec.tensorParallel(),
                                        spec.pipelineParallel(),
                                        true,
                                        true,
                                        null),
                                null))
                        .id());
    }
}
