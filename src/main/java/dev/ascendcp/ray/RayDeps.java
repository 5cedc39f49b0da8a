package dev.ascendcp.ray;

import dev.ascendcp.inventory.NodeSshTargets;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.ssh.RemoteExecutor;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the step actions of this module need, in one bean. */
@Component
record RayDeps(
        RemoteExecutor executor,
        NodeSshTargets targets,
        RayProperties properties,
        RayStore store,
        VerificationGate gate) {

    NodeShell shell(UUID nodeId, StepContext context) {
        return new NodeShell(executor, targets.target(nodeId), context);
    }
}
