package dev.ascendcp.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inventory pages: node list, new node, node view and edit, host-key trust, delete. */
@Controller
class NodePages {

    private final NodeService nodes;
    private final ClusterService clusters;
    private final CredentialService credentials;
    private final HostKeyTrust hostKeys;

    NodePages(NodeService nodes, ClusterService clusters, CredentialService credentials, HostKeyTrust hostKeys) {
        this.nodes = nodes;
        this.clusters = clusters;
        this.credentials = credentials;
        this.hostKeys = hostKeys;
    }

    @GetMapping("/nodes")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("nodes", nodes.list(PageRequest.of(Math.max(0, page), 100, Sort.by("name"))));
        model.addAttribute("clusterNames", clusterNames());
        model.addAttribute("hasCredentials", !credentialNames().isEmpty());
        return "nodes/list";
    }

    @GetMapping("/nodes/new")
    String newNode(Model model) {
        return form(model, Map.of("sshPort", "22", "npuCount", "8", "hostKeyPolicy", "TOFU"), Map.of(), null);
    }

    @PostMapping("/nodes")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        FormValues values = new FormValues(params);
        NodeRequest request = request(values);
        String saved = values.saveIfValid(() -> {
            NodeResponse created = nodes.create(request);
            redirect.addFlashAttribute("flash", "Node " + created.name() + " created.");
            return "redirect:/nodes/" + created.id();
        });
        return saved != null ? saved : form(model, values.echo(), FormValues.errors(values.problems), null);
    }

    @GetMapping("/nodes/{id}")
    String view(@PathVariable UUID id, Model model) {
        NodeResponse node = nodes.get(id);
        return form(model, echo(node), Map.of(), node);
    }

    @PostMapping("/nodes/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        NodeResponse existing = nodes.get(id);
        FormValues values = new FormValues(params);
        NodeRequest request = request(values);
        String saved = values.saveIfValid(() -> {
            nodes.update(id, request);
            redirect.addFlashAttribute("flash", "Node " + request.name() + " saved.");
            return "redirect:/nodes/" + id;
        });
        return saved != null ? saved : form(model, values.echo(), FormValues.errors(values.problems), existing);
    }

    @PostMapping("/nodes/{id}/host-key/trust")
    String trust(@PathVariable UUID id, @RequestParam String fingerprint, RedirectAttributes redirect) {
        try {
            hostKeys.trust(id, fingerprint.strip());
            redirect.addFlashAttribute("flash", "The new host key is pinned.");
        } catch (InventoryException e) {
            redirect.addFlashAttribute("flash", "Not trusted: " + message(e));
        }
        return "redirect:/nodes/" + id;
    }

    @PostMapping("/nodes/{id}/jump-host-key/trust")
    String trustJumpHost(@PathVariable UUID id, @RequestParam String fingerprint, RedirectAttributes redirect) {
        try {
            hostKeys.trustJumpHost(id, fingerprint.strip());
            redirect.addFlashAttribute("flash", "The jump host's new key is pinned.");
        } catch (InventoryException e) {
            redirect.addFlashAttribute("flash", "Not trusted: " + message(e));
        }
        return "redirect:/nodes/" + id;
    }

    @PostMapping("/nodes/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        NodeResponse node = nodes.get(id);
        try {
            nodes.delete(id);
            redirect.addFlashAttribute("flash", "Node " + node.name() + " deleted.");
            return "redirect:/nodes";
        } catch (InventoryException e) {
            redirect.addFlashAttribute("flash", "Not deleted: " + message(e));
            return "redirect:/nodes/" + id;
        }
    }

    private String form(
            Model model,
            Map<String, String> form,
            Map<String, String> errors,
            @org.jspecify.annotations.Nullable NodeResponse node) {
        model.addAttribute("form", new HashMap<>(form));
        model.addAttribute("errors", errors);
        model.addAttribute("node", node);
        model.addAttribute("credentials", credentialNames());
        model.addAttribute("clusterNames", clusterNames());
        return "nodes/form";
    }

    static NodeRequest request(FormValues values) {
        String jumpHost = values.text("jumpHost.host");
        NodeRequest.JumpHost jump = jumpHost == null
                ? null
                : new NodeRequest.JumpHost(
                        jumpHost, values.integer("jumpHost.port"), values.uuid("jumpHost.credentialId"));
        String policy = values.text("hostKeyPolicy");
        return new NodeRequest(
                values.text("name"),
                values.text("host"),
                values.integer("sshPort"),
                values.uuid("credentialId"),
                values.checked("sudo"),
                values.text("localIp"),
                values.text("nicName"),
                values.integer("npuCount"),
                values.pairs("labels"),
                jump,
                "STRICT".equals(policy) ? HostKeyPolicy.STRICT : HostKeyPolicy.TOFU);
    }

    private static Map<String, String> echo(NodeResponse node) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("name", node.name());
        values.add("host", node.host());
        values.add("sshPort", String.valueOf(node.sshPort()));
        values.add("credentialId", node.credentialId().toString());
        if (node.sudo()) {
            values.add("sudo", "on");
        }
        values.add("localIp", node.localIp());
        values.add("nicName", node.nicName());
        values.add("npuCount", String.valueOf(node.npuCount()));
        StringBuilder labels = new StringBuilder();
        node.labels().forEach((k, v) -> labels.append(k).append('=').append(v).append('\n'));
        values.add("labels", labels.toString());
        if (node.jumpHost() != null) {
            values.add("jumpHost.host", node.jumpHost().host());
            values.add("jumpHost.port", String.valueOf(node.jumpHost().port()));
            values.add("jumpHost.credentialId", node.jumpHost().credentialId().toString());
        }
        values.add("hostKeyPolicy", node.hostKeyPolicy().name());
        return new FormValues(values).echo();
    }

    private Map<UUID, String> clusterNames() {
        Map<UUID, String> names = new HashMap<>();
        clusters.list(Pageable.unpaged()).forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    private List<CredentialResponse> credentialNames() {
        return credentials.list(Pageable.unpaged(Sort.by("name"))).getContent();
    }

    static String message(InventoryException e) {
        return e.errors().isEmpty()
                ? String.valueOf(e.getBody().getDetail())
                : e.errors().get(0).field() + " " + e.errors().get(0).message();
    }
}
