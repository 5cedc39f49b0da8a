package dev.ascendcp.ray;

import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.jobs.UnknownClusterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Ray state of a cluster and the runbook of the commands its nodes ran. */
@RestController
@RequestMapping("/api/v1/clusters/{id}/ray")
class RayController {

    private final RayStatus status;
    private final Inventory inventory;

    RayController(RayStatus status, Inventory inventory) {
        this.status = status;
        this.inventory = inventory;
    }

    @GetMapping
    @Operation(summary = "The cluster's Ray state as the last Bootstrap post-check or Teardown left it")
    @ApiResponse(responseCode = "200", description = "The Ray state (NOT_STARTED when no Bootstrap ran)")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    RayStatusView state(@PathVariable UUID id) {
        requireCluster(id);
        return status.current(id);
    }

    @GetMapping("/commands")
    @Operation(summary = "The exact shell each node ran in the last Bootstrap or Teardown (a runbook)")
    @ApiResponse(responseCode = "200", description = "Per node the commands in order, secrets masked")
    @ApiResponse(responseCode = "404", description = "No such cluster")
    RayRunbook commands(@PathVariable UUID id) {
        requireCluster(id);
        return status.commands(id);
    }

    private void requireCluster(UUID id) {
        if (inventory.findCluster(id).isEmpty()) {
            throw UnknownClusterException.forId(id);
        }
    }
}
