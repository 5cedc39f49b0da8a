package dev.ascendcp.audit;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntryRepository extends JpaRepository<AuditEntry, UUID> {

    Page<AuditEntry> findAllByOrderByAtDesc(Pageable pageable);

    Page<AuditEntry> findByActorOrderByAtDesc(String actor, Pageable pageable);

    Page<AuditEntry> findByActionStartingWithOrderByAtDesc(String action, Pageable pageable);

    Page<AuditEntry> findByActorAndActionStartingWithOrderByAtDesc(String actor, String action, Pageable pageable);
}
