package dev.ascendcp.serving;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServingEventRepository extends JpaRepository<ServingEvent, UUID> {

    Page<ServingEvent> findByClusterIdOrderByAtDesc(UUID clusterId, Pageable pageable);
}
