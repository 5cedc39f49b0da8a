package dev.ascendcp.inventory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cluster list and the create/edit form (the dashboard at {@code /clusters/{id}} belongs to the phases). */
@Controller
class ClusterPages {

    private final ClusterService clusters;
    private final NodeService nodes;

    ClusterPages(ClusterService clusters, NodeService nodes) {
        this.clusters = clusters;
        this.nodes = nodes;
    }

    @GetMapping("/clusters")
    String list(Model model) {
        model.addAttribute("clusters", clusters.list(PageRequest.of(0, 500, Sort.by("name"))));
        model.addAttribute("nodeNames", nodeNames());
        return "clusters/list";
    }

    @GetMapping("/clusters/new")
    String newCluster(Model model) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("container.image", ClusterRequest.DEFAULT_IMAGE);
        defaults.put("container.name", "vllm-ascend");
        defaults.put("container.shmSize", "10g");
        defaults.put("ray.port", "6379");
        defaults.put("ray.dashboardPort", "8265");
        defaults.put("serve.port", "8000");
        return form(model, defaults, List.of(), Map.of(), null);
    }

    @PostMapping("/clusters")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        FormValues values = new FormValues(params);
        ClusterRequest request = request(values);
        String saved = values.saveIfValid(() -> {
            ClusterResponse created = clusters.create(request);
            redirect.addFlashAttribute("flash", "Cluster " + created.name() + " created.");
            return "redirect:/clusters/" + created.id();
        });
        return saved != null
                ? saved
                : form(model, values.echo(), values.all("workerNodeIds"), FormValues.errors(values.problems), null);
    }

    @GetMapping("/clusters/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        ClusterResponse cluster = clusters.get(id);
        List<String> workers =
                cluster.workerNodeIds().stream().map(UUID::toString).toList();
        return form(model, ClusterForms.echo(cluster), workers, Map.of(), cluster);
    }

    @PostMapping("/clusters/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        ClusterResponse existing = clusters.get(id);
        FormValues values = new FormValues(params);
        ClusterRequest request = request(values);
        String saved = values.saveIfValid(() -> {
            clusters.update(id, request);
            redirect.addFlashAttribute("flash", "Cluster " + request.name() + " saved.");
            return "redirect:/clusters/" + id;
        });
        return saved != null
                ? saved
                : form(model, values.echo(), values.all("workerNodeIds"), FormValues.errors(values.problems), existing);
    }

    @PostMapping("/clusters/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        String name = clusters.get(id).name();
        try {
            clusters.delete(id);
            redirect.addFlashAttribute("flash", "Cluster " + name + " deleted; its nodes stay in the inventory.");
            return "redirect:/clusters";
        } catch (InventoryException e) {
            redirect.addFlashAttribute("flash", "Not deleted: " + NodePages.message(e));
            return "redirect:/clusters/" + id;
        }
    }

    private String form(
            Model model,
            Map<String, String> form,
            List<String> workers,
            Map<String, String> errors,
            @Nullable ClusterResponse cluster) {
        model.addAttribute("form", new HashMap<>(form));
        model.addAttribute("workers", workers);
        model.addAttribute("errors", errors);
        model.addAttribute("cluster", cluster);
        model.addAttribute(
                "nodes", nodes.list(PageRequest.of(0, 1000, Sort.by("name"))).getContent());
        return "clusters/form";
    }

    static ClusterRequest request(FormValues values) {
        return ClusterForms.request(values);
    }

    private Map<UUID, String> nodeNames() {
        Map<UUID, String> names = new HashMap<>();
        nodes.list(PageRequest.of(0, 5000)).forEach(n -> names.put(n.id(), n.name()));
        return names;
    }
}
