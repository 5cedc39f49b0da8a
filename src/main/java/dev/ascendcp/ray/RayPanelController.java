package dev.ascendcp.ray;

import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.jobs.UnknownClusterException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Ray panel of the cluster page, as an htmx fragment: state, head, nodes, NPUs, actions and the runbook. */
@Controller
class RayPanelController {

    private final RayStatus status;
    private final Inventory inventory;

    RayPanelController(RayStatus status, Inventory inventory) {
        this.status = status;
        this.inventory = inventory;
    }

    @GetMapping("/clusters/{id}/ray/panel")
    String panel(@PathVariable UUID id, Model model) {
        if (inventory.findCluster(id).isEmpty()) {
            throw UnknownClusterException.forId(id);
        }
        model.addAttribute("clusterId", id);
        model.addAttribute("ray", status.current(id));
        model.addAttribute("runbook", status.commands(id));
        return "ray/panel :: panel(clusterId=${clusterId},ray=${ray},runbook=${runbook})";
    }
}
