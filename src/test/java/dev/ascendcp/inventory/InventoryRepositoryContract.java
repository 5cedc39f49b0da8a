package dev.ascendcp.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The repository behaviour that must hold on every supported database, run by {@link InventoryRepositoryH2Tests} and
 * {@link InventoryRepositoryPostgresTests} on schemas built by the Flyway migrations.
 */
@org.springframework.transaction.annotation.Transactional
abstract class InventoryRepositoryContract {

    @Autowired
    CredentialRepository credentials;

    @Autowired
    NodeRepository nodes;

    @Autowired
    ClusterRepository clusters;

    @Autowired
    JumpHostKeyRepository jumpHostKeys;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsCreateTheInventoryTables() {
        for (String table : List.of(
                "credential", "node", "node_label", "cluster", "cluster_node", "cluster_env", "jump_host_key")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class))
                    .isZero();
        }
    }

    @Test
    void storesAndFindsNodesWithLabelsAndClusterMembership() {
        Credential credential = credentials.saveAndFlush(credential("c1"));
        Node head = nodes.saveAndFlush(node("head", credential.getId()));
        Node worker = nodes.saveAndFlush(node("worker", credential.getId()));
        Cluster cluster = new Cluster(Instant.now());
        cluster.update(
                new ClusterRequest("c", head.getId(), List.of(worker.getId()), null, null, null, Map.of("A", "1")),
                8,
                Instant.now());
        cluster.setMembers(head.getId(), List.of(worker.getId()));
        clusters.saveAndFlush(cluster);

        assertThat(nodes.findByName("head"))
                .get()
                .satisfies(n -> assertThat(n.getLabels()).containsEntry("rack", "r1"));
        assertThat(nodes.existsByAnyCredential(credential.getId())).isTrue();
        assertThat(clusters.findClusterIdOfNode(worker.getId())).contains(cluster.getId());
        assertThat(clusters.findMemberships(List.of(head.getId(), worker.getId())))
                .hasSize(2);
        assertThat(clusters.findById(cluster.getId()).orElseThrow().getHeadNodeId())
                .isEqualTo(head.getId());
    }

    @Test
    void theDatabaseKeepsANodeInOneClusterAndNamesUnique() {
        Credential credential = credentials.saveAndFlush(credential("c2"));
        Node node = nodes.saveAndFlush(node("shared", credential.getId()));
        Cluster first = new Cluster(Instant.now());
        first.update(new ClusterRequest("first", node.getId(), null, null, null, null, null), 8, Instant.now());
        first.setMembers(node.getId(), List.of());
        clusters.saveAndFlush(first);
        Cluster second = new Cluster(Instant.now());
        second.update(new ClusterRequest("second", node.getId(), null, null, null, null, null), 8, Instant.now());
        second.setMembers(node.getId(), List.of());

        assertThatThrownBy(() -> clusters.saveAndFlush(second)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theDatabaseRefusesToDeleteACredentialInUse() {
        Credential credential = credentials.saveAndFlush(credential("c3"));
        nodes.saveAndFlush(node("user", credential.getId()));

        assertThatThrownBy(() -> {
                    credentials.delete(credential);
                    credentials.flush();
                })
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void storesOneJumpHostKeyPerEndpointWithItsPendingKey() {
        JumpHostKey key = new JumpHostKey(JumpEndpoint.of("Bastion.Example", 2222), Instant.now());
        key.pin("ssh-ed25519", "SHA256:pinned", "AAAApinned", Instant.now());
        key.offer("ecdsa-sha2-nistp256", "SHA256:offered", "AAAAoffered", Instant.now());
        jumpHostKeys.saveAndFlush(key);

        assertThat(jumpHostKeys.find(JumpEndpoint.of("bastion.example", 2222)))
                .get()
                .satisfies(found -> {
                    assertThat(found.getFingerprint()).isEqualTo("SHA256:pinned");
                    assertThat(found.getPendingKeyFingerprint()).isEqualTo("SHA256:offered");
                    assertThat(found.getPendingKeySeenAt()).isNotNull();
                });
        assertThat(jumpHostKeys.find(JumpEndpoint.of("bastion.example", 22))).isEmpty();
        assertThatThrownBy(() -> jumpHostKeys.saveAndFlush(
                        new JumpHostKey(JumpEndpoint.of("bastion.example", 2222), Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static Credential credential(String name) {
        return new Credential(name, "root", CredentialKind.PASSWORD, "v1:00000000:AAAA", Instant.now());
    }

    private static Node node(String name, UUID credentialId) {
        Node node = new Node(Instant.now());
        node.update(
                new NodeRequest(
                        name, "10.0.0.1", 22, credentialId, false, null, "eth0", 8, Map.of("rack", "r1"), null, null),
                Instant.now());
        return node;
    }
}
