package dev.ascendcp.simulator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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

/** Admin API of the demo's simulated cluster: nodes, their faults, power. */
@Profile("demo")
@RestController
@RequestMapping("/api/v1/simulator")
@Tag(name = "Simulator", description = "Simulated Ascend nodes of the demo (ADMIN)")
class SimulatorController {

    private final ObjectProvider<SimulatedCluster> cluster;

    SimulatorController(ObjectProvider<SimulatedCluster> cluster) {
        this.cluster = cluster;
    }

    private SimulatedCluster cluster() {
        SimulatedCluster c = cluster.getIfAvailable();
        if (c == null) {
            throw SimulatorException.disabled();
        }
        return c;
    }

    private SimulatedNode node(String name) {
        SimulatedNode n = cluster().findNode(name);
        if (n == null) {
            throw SimulatorException.nodeNotFound(name);
        }
        return n;
    }

    @GetMapping("/nodes")
    @Operation(summary = "List the simulated nodes with SSH ports, host-key fingerprints and active faults")
    @ApiResponse(responseCode = "200", description = "The nodes")
    @ApiResponse(responseCode = "404", description = "The simulator is not enabled")
    PagedModel<SimulatedNodeResponse> nodes() {
        List<SimulatedNodeResponse> list =
                cluster().nodes().stream().map(SimulatedNodeResponse::of).toList();
        return new PagedModel<>(new PageImpl<>(list, PageRequest.of(0, Math.max(1, list.size())), list.size()));
    }

    @GetMapping("/nodes/{name}")
    @Operation(summary = "One simulated node")
    @ApiResponse(responseCode = "200", description = "The node")
    @ApiResponse(responseCode = "404", description = "No such node, or the simulator is not enabled")
    SimulatedNodeResponse get(@PathVariable String name) {
        return SimulatedNodeResponse.of(node(name));
    }

    @PutMapping("/nodes/{name}/faults")
    @Operation(summary = "Replace the faults of a node (link down, net health, busy, slow, hang, …)")
    @ApiResponse(responseCode = "200", description = "The node with its new faults")
    @ApiResponse(responseCode = "400", description = "A value is invalid")
    @ApiResponse(responseCode = "404", description = "No such node")
    @ApiResponse(responseCode = "422", description = "An NPU index beyond the node's NPUs")
    SimulatedNodeResponse putFaults(@PathVariable String name, @Valid @RequestBody FaultsRequest request) {
        SimulatedNode n = node(name);
        request.applyTo(n);
        return SimulatedNodeResponse.of(n);
    }

    @DeleteMapping("/nodes/{name}/faults")
    @Operation(summary = "Clear the faults of a node")
    @ApiResponse(responseCode = "204", description = "Cleared")
    @ApiResponse(responseCode = "404", description = "No such node")
    ResponseEntity<Void> clearFaults(@PathVariable String name) {
        node(name).faults().clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/nodes/{name}/stop")
    @Operation(summary = "Power a node off: its SSH server stops and its NPUs stop answering")
    @ApiResponse(responseCode = "200", description = "The stopped node")
    @ApiResponse(responseCode = "404", description = "No such node")
    SimulatedNodeResponse stop(@PathVariable String name) {
        SimulatedNode n = node(name);
        n.stop();
        return SimulatedNodeResponse.of(n);
    }

    @PostMapping("/nodes/{name}/start")
    @Operation(summary = "Power a node on again (same port, same host key)")
    @ApiResponse(responseCode = "200", description = "The running node")
    @ApiResponse(responseCode = "404", description = "No such node")
    SimulatedNodeResponse start(@PathVariable String name) {
        SimulatedNode n = node(name);
        n.start();
        return SimulatedNodeResponse.of(n);
    }
}
