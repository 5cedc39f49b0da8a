package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/credentials")
@Tag(name = "Credentials", description = "SSH logins; secrets are write-only")
class CredentialController {

    private final CredentialService credentials;

    CredentialController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @GetMapping
    @Operation(summary = "List credentials (no secrets)")
    @ApiResponse(responseCode = "200", description = "A page of credentials")
    PagedModel<CredentialResponse> list(@PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return new PagedModel<>(credentials.list(pageable));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a credential (no secrets)")
    @ApiResponse(responseCode = "200", description = "The credential")
    @ApiResponse(responseCode = "404", description = "No such credential")
    CredentialResponse get(@PathVariable UUID id) {
        return credentials.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a credential (ADMIN); a private key is parsed and fingerprinted")
    @ApiResponse(responseCode = "201", description = "Created; the body holds no secret")
    @ApiResponse(responseCode = "400", description = "A field is invalid, e.g. an unreadable key or a wrong passphrase")
    @ApiResponse(responseCode = "409", description = "The name is taken")
    @ApiResponse(responseCode = "422", description = "The secret fields do not fit the kind")
    ResponseEntity<CredentialResponse> create(@RequestBody CredentialRequest request) {
        CredentialResponse created = credentials.create(request);
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a credential (ADMIN)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such credential")
    @ApiResponse(responseCode = "409", description = "A node (or a node's jump host) still uses it")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        credentials.delete(id);
        return ResponseEntity.noContent().build();
    }
}
