package dev.ascendcp.inventory;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The {@code /clusters/{id}/config} page (the dashboard owns {@code /clusters/{id}}) that shows the configuration and links to the form. The cluster dashboard
 * replaces it: delete this class when that page exists.
 */
@Controller
class ClusterDetailPage {

    private final ClusterService clusters;
    private final NodeService nodes;

    ClusterDetailPage(ClusterService clusters, NodeService nodes) {
        this.clusters = clusters;
        this.nodes = nodes;
    }

    @GetMapping("/clusters/{id}/config")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("cluster", clusters.get(id));
        Map<UUID, String> names = new HashMap<>();
        nodes.list(PageRequest.of(0, 5000)).forEach(n -> names.put(n.id(), n.name()));
        model.addAttribute("nodeNames", names);
        return "clusters/detail";
    }
}
