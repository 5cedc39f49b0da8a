package dev.ascendcp.users;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

    @EntityGraph(attributePaths = "owner")
    Optional<ApiToken> findByTokenHash(String tokenHash);

    Page<ApiToken> findByOwnerOrderByCreatedAtDesc(UserAccount owner, Pageable pageable);

    Optional<ApiToken> findByIdAndOwner(UUID id, UserAccount owner);

    boolean existsByOwnerAndName(UserAccount owner, String name);

    void deleteByOwner(UserAccount owner);
}
