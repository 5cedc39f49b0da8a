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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clusters")
@Tag(name = "Clusters", description = "Sets of nodes that serve one model")
class ClusterController {

    private final ClusterService clusters;

    ClusterController(ClusterService clusters) {
        this.clusters = clusters;
    }

    @GetMapping
    @Operation(summary = "List clusters")
    @ApiResponse(responseCode = "200", description = "A page of clusters")
    PagedModel<ClusterResponse> list(@PageableDefault(size = 50, sort = "name") Pageable pageable) {
        return new PagedModel<>(clusters.list(pageable));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a cluster's configuration")
    @ApiResponse(responseCode = "200", description = "The cluster")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    ClusterResponse get(@PathVariable UUID id) {
        return clusters.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a cluster; omitted sections take the multi-node guide's defaults")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "A field is invalid (errors name it)")
    @ApiResponse(responseCode = "409", description = "The name is taken or a node is in another cluster")
    @ApiResponse(responseCode = "422", description = "Fields contradict each other or name unknown nodes")
    ResponseEntity<ClusterResponse> create(@RequestBody ClusterRequest request) {
        ClusterResponse created = clusters.create(request);
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a cluster's configuration")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "400", description = "A field is invalid (errors name it)")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @ApiResponse(responseCode = "409", description = "The name is taken or a node is in another cluster")
    @ApiResponse(responseCode = "422", description = "Fields contradict each other or name unknown nodes")
    ClusterResponse update(@PathVariable UUID id, @RequestBody ClusterRequest request) {
        return clusters.update(id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a cluster (its nodes stay in the inventory)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    @ApiResponse(responseCode = "409", description = "Still referenced, e.g. by jobs")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        clusters.delete(id);
        return ResponseEntity.noContent().build();
    }
}
