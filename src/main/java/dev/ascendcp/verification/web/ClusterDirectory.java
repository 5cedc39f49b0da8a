package dev.ascendcp.verification.web;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clusters of the inventory by name, for the overview page. The inventory facade has no list method yet, so this
 * reads the id and name columns of its table; replace it with the facade's list once there is one.
 */
@Component
class ClusterDirectory {

    record ClusterRef(UUID id, String name) {}

    private final JdbcClient jdbc;

    ClusterDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<ClusterRef> all() {
        return jdbc.sql("SELECT id, name FROM cluster ORDER BY name")
                .query((rs, n) -> new ClusterRef(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }
}
