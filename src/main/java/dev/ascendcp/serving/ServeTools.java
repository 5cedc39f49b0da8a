package dev.ascendcp.serving;

import dev.ascendcp.inventory.NodeSshTargets;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.ssh.Cancellation;
import org.springframework.stereotype.Component;

/** What the Serve steps work with, in one bean so that each step stays a small class. */
@Component
record ServeTools(
        NodeSshTargets targets,
        VllmRemote remote,
        EndpointAccess access,
        EndpointClient client,
        ServingStore store,
        ServingProperties properties) {

    /** A cancellation token that fires when the step is cancelled or times out. */
    static Cancellation cancellationOf(StepContext context) {
        Cancellation cancellation = new Cancellation();
        context.onCancel(cancellation::cancel);
        return cancellation;
    }
}
