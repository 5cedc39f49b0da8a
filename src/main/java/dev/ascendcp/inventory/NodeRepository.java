package dev.ascendcp.inventory;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NodeRepository extends JpaRepository<Node, UUID> {

    Optional<Node> findByName(String name);

    boolean existsByName(String name);

    @Query("select count(n) > 0 from Node n where n.credentialId = ?1 or n.jumpCredentialId = ?1")
    boolean existsByAnyCredential(UUID credentialId);

    @Query("select n.name from Node n where n.credentialId = ?1 or n.jumpCredentialId = ?1 order by n.name")
    java.util.List<String> namesUsingCredential(UUID credentialId);
}
