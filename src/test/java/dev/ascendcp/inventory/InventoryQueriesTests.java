package dev.ascendcp.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * What the {@link Inventory} facade reads and how many SQL statements that takes (Hibernate statistics, counted after
 * the persistence context is flushed and cleared, so every read goes to the database).
 */
@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@Import(Inventory.class)
class InventoryQueriesTests {

    @Autowired
    Inventory inventory;

    @Autowired
    CredentialRepository credentials;

    @Autowired
    NodeRepository nodes;

    @Autowired
    ClusterRepository clusters;

    @Autowired
    JumpHostKeyRepository jumpHostKeys;

    @Autowired
    EntityManager entityManager;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private Statistics statistics;
    private UUID credentialId;

    @BeforeEach
    void setUp() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        credentialId = credentials
                .saveAndFlush(new Credential(
                        "cred-" + UUID.randomUUID(),
                        "root",
                        CredentialKind.PASSWORD,
                        "v1:00000000:AAAA",
                        Instant.now()))
                .getId();
    }

    @Test
    void nodesOfKeepsTheHeadFirstAndTheWorkersInTheirStoredOrder() {
        List<Node> created = createNodes("order", 64);
        // the head is neither the first created nor the first by id; the workers are shuffled
        List<UUID> members = new ArrayList<>(created.stream().map(Node::getId).toList());
        Collections.shuffle(members, new Random(42));
        UUID head = members.get(0);
        Cluster cluster = saveCluster("order", head, members.subList(1, members.size()));
        entityManager.clear();

        List<NodeResponse> read = inventory.nodesOf(cluster.getId());

        assertThat(read).extracting(NodeResponse::id).containsExactlyElementsOf(members);
        assertThat(read.get(0).id()).isEqualTo(head);
        assertThat(read).allSatisfy(n -> {
            assertThat(n.clusterId()).isEqualTo(cluster.getId());
            assertThat(n.labels()).containsEntry("rack", "r-" + n.name());
        });
    }

    @Test
    void nodesOfReadsA64NodeClusterInAsManyStatementsAsATwoNodeCluster() {
        List<Node> small = createNodes("small", 2);
        Cluster two =
                saveCluster("two", small.get(0).getId(), List.of(small.get(1).getId()));
        List<Node> big = createNodes("big", 64);
        Cluster sixtyFour = saveCluster(
                "sixty-four",
                big.get(0).getId(),
                big.subList(1, big.size()).stream().map(Node::getId).toList());

        long forTwo = statements(() -> inventory.nodesOf(two.getId()));
        long forSixtyFour = statements(() -> inventory.nodesOf(sixtyFour.getId()));

        System.out.printf("Inventory.nodesOf: %d statements for 2 nodes, %d for 64%n", forTwo, forSixtyFour);
        assertThat(forSixtyFour).isEqualTo(forTwo).isLessThanOrEqualTo(4);
    }

    @Test
    void nodesOfShowsEachJumpHostsKeyInAConstantNumberOfStatements() {
        JumpHostKey pinned = new JumpHostKey(JumpEndpoint.of("bastion.example", 2222), Instant.now());
        pinned.pin("ssh-ed25519", "SHA256:pinned", "AAAA", Instant.now());
        jumpHostKeys.saveAndFlush(pinned);
        // same host, other port: a different endpoint, whose key must not be shown
        JumpHostKey otherPort = new JumpHostKey(JumpEndpoint.of("bastion.example", 22), Instant.now());
        otherPort.pin("ssh-ed25519", "SHA256:other-port", "AAAA", Instant.now());
        jumpHostKeys.saveAndFlush(otherPort);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            NodeRequest.JumpHost jump = switch (i % 3) {
                case 0 -> new NodeRequest.JumpHost("Bastion.Example", 2222, credentialId);
                case 1 -> new NodeRequest.JumpHost("unseen.example", 22, credentialId);
                default -> null;
            };
            ids.add(nodes.saveAndFlush(node("jump-" + i, jump)).getId());
        }
        Cluster cluster = saveCluster("jumps", ids.get(0), ids.subList(1, ids.size()));

        List<NodeResponse> read = new ArrayList<>();
        long count = statements(() -> read.addAll(inventory.nodesOf(cluster.getId())));

        assertThat(count).isLessThanOrEqualTo(4);
        assertThat(read).extracting(NodeResponse::id).containsExactlyElementsOf(ids);
        for (int i = 0; i < read.size(); i++) {
            NodeResponse.JumpHost jump = read.get(i).jumpHost();
            switch (i % 3) {
                case 0 -> {
                    assertThat(jump).isNotNull();
                    assertThat(jump.port()).isEqualTo(2222);
                    assertThat(jump.hostKey()).isNotNull();
                    assertThat(jump.hostKey().fingerprint()).isEqualTo("SHA256:pinned");
                }
                case 1 -> {
                    assertThat(jump).isNotNull();
                    assertThat(jump.hostKey()).isNull();
                }
                default -> assertThat(jump).isNull();
            }
        }
    }

    @Test
    void listClustersReturnsEveryClusterByNameInAConstantNumberOfStatements() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            names.add(String.format("list-%02d", i));
        }
        List<String> insertion = new ArrayList<>(names);
        Collections.shuffle(insertion, new Random(7));
        List<Node> heads = createNodes("head", insertion.size());
        for (int i = 0; i < insertion.size(); i++) {
            saveCluster(insertion.get(i), heads.get(i).getId(), List.of());
        }

        List<ClusterResponse> listed = new ArrayList<>();
        long count = statements(() -> listed.addAll(inventory.listClusters()));

        assertThat(listed).extracting(ClusterResponse::name).containsExactlyElementsOf(names);
        ClusterResponse first = listed.get(0);
        assertThat(first.headNodeId())
                .isEqualTo(heads.get(insertion.indexOf("list-00")).getId());
        assertThat(first.env()).containsEntry("A", "1");
        assertThat(first.container().name()).isEqualTo("vllm-ascend");
        // the clusters, then one statement per collection (members, mounts, extra args, env) for all of them
        assertThat(count).isLessThanOrEqualTo(5);
    }

    @Test
    void listClustersIsEmptyWithoutClusters() {
        assertThat(inventory.listClusters()).isEmpty();
    }

    private long statements(Runnable read) {
        entityManager.flush();
        entityManager.clear();
        statistics.clear();
        read.run();
        return statistics.getPrepareStatementCount();
    }

    private List<Node> createNodes(String prefix, int count) {
        List<Node> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(nodes.saveAndFlush(node(prefix + "-" + i, null)));
        }
        return created;
    }

    private Node node(String name, NodeRequest.@Nullable JumpHost jump) {
        Node node = new Node(Instant.now());
        node.update(
                new NodeRequest(
                        name,
                        "10.0.0.1",
                        22,
                        credentialId,
                        false,
                        null,
                        "eth0",
                        8,
                        Map.of("rack", "r-" + name),
                        jump,
                        null),
                Instant.now());
        return node;
    }

    private Cluster saveCluster(String name, UUID head, List<UUID> workers) {
        Cluster cluster = new Cluster(Instant.now());
        cluster.update(new ClusterRequest(name, head, workers, null, null, null, Map.of("A", "1")), 8, Instant.now());
        cluster.setMembers(head, workers);
        return clusters.saveAndFlush(cluster);
    }
}
