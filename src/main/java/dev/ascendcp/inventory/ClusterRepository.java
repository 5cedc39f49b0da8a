package dev.ascendcp.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClusterRepository extends JpaRepository<Cluster, UUID> {

    boolean existsByName(String name);

    Optional<Cluster> findByName(String name);

    /** The cluster a node belongs to, if any. */
    @Query("select c.id from Cluster c join c.memberIds m where m = ?1")
    Optional<UUID> findClusterIdOfNode(UUID nodeId);

    /** Pairs of (node id, cluster id) for the given nodes. */
    @Query("select m, c.id from Cluster c join c.memberIds m where m in ?1")
    List<Object[]> findMemberships(Collection<UUID> nodeIds);
}
