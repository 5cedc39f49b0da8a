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

/** Paste or upload an inventory; the per-row results come back as a fragment for htmx, or as the whole page. */
@Controller
class NodeImportPage {

    private final NodeImport imports;
    private final InventoryProperties properties;

    NodeImportPage(NodeImport imports, InventoryProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    @GetMapping("/nodes/import")
    String page(Model model) {
        model.addAttribute("format", "CSV");
        return "nodes/import";
    }

    @PostMapping("/nodes/import")
    String run(
            @RequestParam(defaultValue = "CSV") String format,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model)
            throws IOException {
        model.addAttribute("format", format);
        model.addAttribute("text", text);
        try {
            String body = file != null && !file.isEmpty()
                    ? NodeImportController.read(file.getInputStream(), properties.importMaxBytes())
                    : text == null ? "" : text;
            model.addAttribute("result", imports.run(format(format), body, dryRun));
        } catch (InventoryException e) {
            model.addAttribute("problem", NodePages.message(e));
        }
        return htmx != null ? "nodes/import :: results" : "nodes/import";
    }

    private static NodeImport.Format format(String name) {
        return switch (name) {
            case "YAML" -> NodeImport.Format.YAML;
            case "ANSIBLE_INI" -> NodeImport.Format.ANSIBLE_INI;
            default -> NodeImport.Format.CSV;
        };
    }
}
