package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/nodes")
@Tag(name = "Nodes")
class NodeImportController {

    private final NodeImport imports;
    private final KnownHostsImport knownHosts;
    private final InventoryProperties properties;

    NodeImportController(NodeImport imports, KnownHostsImport knownHosts, InventoryProperties properties) {
        this.imports = imports;
        this.knownHosts = knownHosts;
        this.properties = properties;
    }

    @PostMapping(
            path = "/import",
            consumes = {"text/csv", "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary = "Import nodes from CSV, YAML or an Ansible INI inventory (text/plain)",
            description = "Every row is validated like POST /api/v1/nodes and stored in its own transaction;"
                    + " ?dryRun=true only validates.")
    @ApiResponse(responseCode = "200", description = "Per-row results")
    @ApiResponse(responseCode = "400", description = "The file is unreadable or too large")
    ImportResult importNodes(
            @RequestHeader("Content-Type") MediaType contentType,
            @RequestParam(defaultValue = "false") boolean dryRun,
            InputStream body)
            throws IOException {
        return imports.run(format(contentType), read(body, properties.importMaxBytes()), dryRun);
    }

    @PostMapping(path = "/known-hosts", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(
            summary = "Pin host keys from an OpenSSH known_hosts file (ADMIN)",
            description = "Matches nodes by host (or [host]:port), hashed entries included, and the jump hosts"
                    + " nodes are reached through (results[].jumpHosts); a node or jump host that already has a"
                    + " different pin is left alone.")
    @ApiResponse(responseCode = "200", description = "Per-line results")
    @ApiResponse(responseCode = "400", description = "The file is too large")
    KnownHostsResult knownHosts(InputStream body) throws IOException {
        return knownHosts.run(read(body, properties.importMaxBytes()));
    }

    static NodeImport.Format format(MediaType type) {
        if (type.getSubtype().equals("csv")) {
            return NodeImport.Format.CSV;
        }
        if (type.getSubtype().contains("yaml")) {
            return NodeImport.Format.YAML;
        }
        return NodeImport.Format.ANSIBLE_INI;
    }

    /** Reads at most {@code max} bytes; a larger body is refused without being read to its end. */
    static String read(InputStream body, long max) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, max + 1));
        if (bytes.length > max) {
            throw InventoryException.invalid(List.of(new FieldProblem("body", "is larger than " + max + " bytes")));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
