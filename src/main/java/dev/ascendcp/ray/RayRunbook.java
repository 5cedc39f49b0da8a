package dev.ascendcp.ray;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The exact shell each node ran in the last Bootstrap or Teardown ("show commands"), secrets masked. */
public record RayRunbook(UUID clusterId, List<NodeCommands> nodes) {

    public RayRunbook {
        nodes = List.copyOf(nodes);
    }

    /** One node's commands in the order they ran, and the env its Ray was last started with. */
    public record NodeCommands(
            UUID nodeId,
            String nodeName,
            @Nullable UUID jobId,
            List<String> commands,
            @Nullable String rayEnv,
            @Nullable Instant rayStartedAt) {

        public NodeCommands {
            commands = List.copyOf(commands);
        }
    }
}
