package dev.ascendcp.ray;

import dev.ascendcp.ssh.ExecResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The state of our container on a node: running, the spec hash of its label, and whether vLLM serves in it. */
record ContainerFacts(boolean running, @Nullable String specLabel, boolean vllmServing) {

    private static final Pattern SPEC =
            Pattern.compile("\"" + Pattern.quote(ContainerSpec.SPEC_LABEL) + "\":\"([0-9a-f]+)\"");

    /** Whether a container of that name exists at all (running or not). */
    boolean exists() {
        return running || specLabel != null;
    }

    static ContainerFacts read(NodeShell shell, String container, RayProperties properties) {
        ExecResult inspect = shell.run(RayCommands.containerState(container), properties.commandTimeout());
        if (!inspect.succeeded()) {
            return new ContainerFacts(false, null, false);
        }
        ContainerFacts facts = parse(inspect.stdout().text());
        if (facts.running()) {
            ExecResult vllm = shell.run(RayCommands.vllmRunning(container), properties.commandTimeout());
            return new ContainerFacts(true, facts.specLabel(), vllm.succeeded());
        }
        return facts;
    }

    /** Parses {@code <running>|<labels as JSON>|<image id>}; a container without our label has spec "". */
    static ContainerFacts parse(String line) {
        String[] parts = line.strip().split("\\|", 3);
        boolean running = parts.length > 0 && parts[0].equals("true");
        Matcher m = SPEC.matcher(parts.length > 1 ? parts[1] : "");
        return new ContainerFacts(running, m.find() ? m.group(1) : "", false);
    }
}
