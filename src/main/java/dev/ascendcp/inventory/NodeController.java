package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/nodes")
@Tag(name = "Nodes", description = "Servers reachable over SSH")
class NodeController {

    private final NodeService nodes;
    private final HostKeyTrust hostKeys;

    NodeController(NodeService nodes, HostKeyTrust hostKeys) {
        this.nodes = nodes;
        this.hostKeys = hostKeys;
    }

    @GetMapping
    @Operation(summary = "List nodes")
    @ApiResponse(responseCode = "200", description = "A page of nodes")
    PagedModel<NodeResponse> list(@PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return new PagedModel<>(nodes.list(pageable));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a node")
    @ApiResponse(responseCode = "200", description = "The node")
    @ApiResponse(responseCode = "404", description = "No such node")
    NodeResponse get(@PathVariable UUID id) {
        return nodes.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a node")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "A field is invalid (errors name it)")
    @ApiResponse(responseCode = "409", description = "The name is taken")
    @ApiResponse(responseCode = "422", description = "The credential does not exist")
    ResponseEntity<NodeResponse> create(@RequestBody NodeRequest request) {
        NodeResponse created = nodes.create(request);
        return ResponseEntity.created(URI.create("/api/v1/nodes/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a node's settings (its pinned host key is kept)")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "400", description = "A field is invalid (errors name it)")
    @ApiResponse(responseCode = "404", description = "No such node")
    @ApiResponse(responseCode = "409", description = "The name is taken")
    @ApiResponse(responseCode = "422", description = "The credential does not exist")
    NodeResponse update(@PathVariable UUID id, @RequestBody NodeRequest request) {
        return nodes.update(id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a node")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such node")
    @ApiResponse(responseCode = "409", description = "The node is a member of a cluster")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        nodes.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The fingerprint an ADMIN read from the node's console and wants to trust. */
    record TrustRequest(@NotNull @Size(max = 100) String fingerprint) {}

    @PostMapping("/{id}/host-key/trust")
    @Operation(summary = "Trust the host key a node offered after a mismatch (ADMIN)")
    @ApiResponse(responseCode = "200", description = "The key is pinned")
    @ApiResponse(responseCode = "404", description = "No such node")
    @ApiResponse(responseCode = "409", description = "The node has offered no new key")
    @ApiResponse(responseCode = "422", description = "The fingerprint is not the offered key's")
    NodeResponse trust(@PathVariable UUID id, @RequestBody TrustRequest request) {
        return hostKeys.trust(id, fingerprint(request));
    }

    @PostMapping("/{id}/jump-host-key/trust")
    @Operation(
            summary = "Trust the host key the node's jump host offered after a mismatch (ADMIN)",
            description = "The pin belongs to the jump host's host and port, so it applies to every node reached"
                    + " through the same bastion. The offered key is shown as jumpHost.pendingHostKey.")
    @ApiResponse(responseCode = "200", description = "The key is pinned for the jump host")
    @ApiResponse(responseCode = "400", description = "The fingerprint is missing or too long")
    @ApiResponse(responseCode = "404", description = "No such node")
    @ApiResponse(responseCode = "409", description = "The node has no jump host, or its jump host offered no new key")
    @ApiResponse(responseCode = "422", description = "The fingerprint is not the offered key's")
    NodeResponse trustJumpHost(@PathVariable UUID id, @RequestBody TrustRequest request) {
        return hostKeys.trustJumpHost(id, fingerprint(request));
    }

    private static String fingerprint(TrustRequest request) {
        if (request.fingerprint() == null || request.fingerprint().length() > 100) {
            throw InventoryException.invalid(
                    java.util.List.of(new FieldProblem("fingerprint", "must be an OpenSSH SHA256 fingerprint")));
        }
        return request.fingerprint().strip();
    }
}
