package dev.ascendcp.serving;

import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.jobs.InvalidJobRequestException;
import dev.ascendcp.jobs.JobConflictException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The playground page, the serving panel fragment (for htmx) and the panel's Stop/Restart buttons; a refusal (a job
 * runs, an invalid plan) goes back to the cluster page as a message instead of an error page.
 */
@Controller
class ServingPages {

    /** A cluster the playground can prompt. */
    record PlaygroundCluster(UUID id, String name, String model) {}

    private final ServingStatus status;
    private final ServingControl control;
    private final Inventory inventory;
    private final ServingProperties properties;

    ServingPages(ServingStatus status, ServingControl control, Inventory inventory, ServingProperties properties) {
        this.status = status;
        this.control = control;
        this.inventory = inventory;
        this.properties = properties;
    }

    @GetMapping("/playground")
    String playground(Model model) {
        List<PlaygroundCluster> clusters = status.readyClusters().stream()
                .flatMap(id -> inventory.findCluster(id).stream())
                .map(c -> new PlaygroundCluster(
                        c.id(), c.name(), String.valueOf(status.current(c.id()).model())))
                .toList();
        model.addAttribute("clusters", clusters);
        model.addAttribute("maxTokens", properties.playground().maxTokens());
        return "playground";
    }

    @GetMapping("/clusters/{clusterId}/serving/panel")
    String panel(@PathVariable UUID clusterId, Model model) {
        model.addAttribute("serving", status.current(clusterId));
        return "serving/panel :: panel(serving=${serving})";
    }

    @PostMapping("/clusters/{clusterId}/serving/stop")
    String stop(@PathVariable UUID clusterId, RedirectAttributes redirect) throws InterruptedException {
        try {
            ServingView view = control.stop(clusterId);
            redirect.addFlashAttribute("flash", "Serving " + view.state() + ": " + view.message());
        } catch (ServingException e) {
            if (e.getStatusCode().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("flash", "Not stopped: " + e.getBody().getDetail());
        }
        return "redirect:/clusters/" + clusterId;
    }

    @PostMapping("/clusters/{clusterId}/serving/restart")
    String restart(@PathVariable UUID clusterId, RedirectAttributes redirect) {
        try {
            return "redirect:/jobs/" + control.restart(clusterId, Map.of()).id();
        } catch (JobConflictException | InvalidJobRequestException e) {
            redirect.addFlashAttribute("flash", "Not restarted: " + e.getBody().getDetail());
            return "redirect:/clusters/" + clusterId;
        }
    }
}
