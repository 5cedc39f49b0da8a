package dev.ascendcp.serving;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServingEndpointRepository extends JpaRepository<ServingEndpoint, UUID> {

    List<ServingEndpoint> findByStateIn(List<ServingState> states);
}
