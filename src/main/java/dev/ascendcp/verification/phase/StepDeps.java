package dev.ascendcp.verification.phase;

import dev.ascendcp.inventory.Inventory;
import dev.ascendcp.inventory.NodeSshTargets;
import dev.ascendcp.verification.VerificationProperties;
import org.springframework.stereotype.Component;

/** What the VERIFY steps need: the inventory, SSH access to the nodes, the lane runner, settings, live progress. */
@Component
class StepDeps {

    final Inventory inventory;
    final NodeSshTargets targets;
    final LaneRunner lanes;
    final VerificationProperties properties;
    final LiveVerifications live;

    StepDeps(
            Inventory inventory,
            NodeSshTargets targets,
            LaneRunner lanes,
            VerificationProperties properties,
            LiveVerifications live) {
        this.inventory = inventory;
        this.targets = targets;
        this.lanes = lanes;
        this.properties = properties;
        this.live = live;
    }
}
