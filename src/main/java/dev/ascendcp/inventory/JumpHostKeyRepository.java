package dev.ascendcp.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JumpHostKeyRepository extends JpaRepository<JumpHostKey, UUID> {

    Optional<JumpHostKey> findByHostAndPort(String host, int port);

    /** The key rows of every port of the given (lower-case) hosts. */
    List<JumpHostKey> findByHostIn(Collection<String> hosts);

    default Optional<JumpHostKey> find(JumpEndpoint endpoint) {
        return findByHostAndPort(endpoint.host(), endpoint.port());
    }

    /** The key row of the node's jump host, if the node has one and its key was seen or pinned. */
    default Optional<JumpHostKey> findFor(Node node) {
        JumpEndpoint endpoint = JumpHostKeys.endpointOf(node);
        return endpoint == null ? Optional.empty() : find(endpoint);
    }
}
