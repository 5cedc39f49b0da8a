package dev.ascendcp.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NodeRepository extends JpaRepository<Node, UUID> {

    Optional<Node> findByName(String name);

    boolean existsByName(String name);

    /** The given nodes with their labels, in one statement (in no particular order; unknown ids are left out). */
    @Query("select distinct n from Node n left join fetch n.labels where n.id in ?1")
    List<Node> findAllWithLabels(Collection<UUID> ids);

    @Query("select count(n) > 0 from Node n where n.credentialId = ?1 or n.jumpCredentialId = ?1")
    boolean existsByAnyCredential(UUID credentialId);

    @Query("select n.name from Node n where n.credentialId = ?1 or n.jumpCredentialId = ?1 order by n.name")
    List<String> namesUsingCredential(UUID credentialId);
}
