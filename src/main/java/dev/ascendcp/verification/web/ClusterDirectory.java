package dev.ascendcp.verification.web;

import dev.ascendcp.inventory.Inventory;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The clusters of the inventory by name, for the overview page, through the inventory facade. */
@Component
class ClusterDirectory {

    record ClusterRef(UUID id, String name) {}

    private final Inventory inventory;

    ClusterDirectory(Inventory inventory) {
        this.inventory = inventory;
    }

    List<ClusterRef> all() {
        return inventory.listClusters().stream()
                .map(c -> new ClusterRef(c.id(), c.name()))
                .toList();
    }
}
