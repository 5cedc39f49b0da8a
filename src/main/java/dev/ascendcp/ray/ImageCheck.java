package dev.ascendcp.ray;

import dev.ascendcp.ssh.ExecResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Pre-flight: the image is on the node (pulled first with {@code pull: true}, progress streamed); answers its ID. */
final class ImageCheck {

    private final BootstrapPlan plan;
    private final NodeShell shell;
    private final RayProperties properties;

    ImageCheck(BootstrapPlan plan, NodeShell shell, RayProperties properties) {
        this.plan = plan;
        this.shell = shell;
        this.properties = properties;
    }

    @Nullable
    String run(List<String> problems) {
        String image = plan.cluster().container().image();
        ExecResult inspect = shell.run(RayCommands.imageId(image), properties.commandTimeout());
        if (!inspect.succeeded() && plan.options().pull()) {
            shell.log("image " + image + " is not on the node; pulling it");
            ExecResult pull = shell.stream(RayCommands.pull(image), properties.pullTimeout());
            if (!pull.succeeded()) {
                problems.add("docker pull " + image + " failed (" + NodeShell.lastLine(pull) + "); fix: check the"
                        + " image name and the node's registry access (docker login)");
                return null;
            }
            inspect = shell.run(RayCommands.imageId(image), properties.commandTimeout());
        }
        if (!inspect.succeeded()) {
            problems.add("image " + image + " is not present; fix: run the Bootstrap with pull: true, or docker pull"
                    + " it on the node (or docker load it where there is no registry)");
            return null;
        }
        return inspect.stdout().text().strip();
    }
}
