package dev.ascendcp.inventory;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * An ADMIN pastes or uploads a known_hosts file to pin node and jump host keys, as {@code POST
 * /api/v1/nodes/known-hosts} does; the per-line results come back as a fragment for htmx, or as the whole page.
 */
@Controller
class KnownHostsPage {

    private final KnownHostsImport knownHosts;
    private final InventoryProperties properties;

    KnownHostsPage(KnownHostsImport knownHosts, InventoryProperties properties) {
        this.knownHosts = knownHosts;
        this.properties = properties;
    }

    @GetMapping("/nodes/known-hosts")
    String page() {
        return "nodes/known-hosts";
    }

    @PostMapping("/nodes/known-hosts")
    String run(
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model)
            throws IOException {
        model.addAttribute("text", text);
        try {
            String body = file != null && !file.isEmpty()
                    ? NodeImportController.read(file.getInputStream(), properties.importMaxBytes())
                    : text == null ? "" : text;
            if (body.isBlank()) {
                model.addAttribute("problem", "Paste a known_hosts file or choose one to upload.");
            } else {
                model.addAttribute("result", knownHosts.run(body));
            }
        } catch (InventoryException e) {
            model.addAttribute("problem", NodePages.message(e));
        }
        return htmx != null ? "nodes/known-hosts :: results" : "nodes/known-hosts";
    }
}
