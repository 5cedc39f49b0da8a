package dev.ascendcp.inventory;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CredentialRepository extends JpaRepository<Credential, UUID> {

    boolean existsByName(String name);

    Optional<Credential> findByName(String name);
}
