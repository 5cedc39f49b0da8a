package dev.ascendcp.serving;

import dev.ascendcp.ssh.RemoteCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The shell commands of the Serve phase, all run on the head inside the cluster's container. Every value is
 * validated upstream (inventory patterns, {@link ServePlanner}) and quoted here; the inner {@code sh -c} script is
 * assembled from quoted words only.
 */
final class VllmCommands {

    static final String STATE_MARKER = "__acp_vllm=";
    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "TOKEN|SECRET|PASSWORD|PASSWD|KEY", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final ServingProperties properties;

    VllmCommands(ServingProperties properties) {
        this.properties = properties;
    }

    /** The vLLM server command line (the runbook's core), without redirections. */
    static List<String> serverArgs(ServePlan plan) {
        List<String> args =
                new ArrayList<>(List.of("python", "-m", "vllm.entrypoints.openai.api_server", "--model", plan.model()));
        if (plan.servedModelName() != null) {
            args.addAll(List.of("--served-model-name", plan.servedModelName()));
        }
        args.addAll(List.of("--host", "0.0.0.0", "--port", Integer.toString(plan.port())));
        args.addAll(List.of("--tensor-parallel-size", Integer.toString(plan.tensorParallelSize())));
        args.addAll(List.of("--pipeline-parallel-size", Integer.toString(plan.pipelineParallelSize())));
        if (plan.rayBackend()) {
            args.addAll(List.of("--distributed-executor-backend", "ray"));
        }
        if (plan.disableFrontendMultiprocessing()) {
            args.add("--disable-frontend-multiprocessing");
        }
        if (plan.enforceEager()) {
            args.add("--enforce-eager");
        }
        if (plan.trustRemoteCode()) {
            args.add("--trust-remote-code");
        }
        args.addAll(plan.extraArgs());
        return args;
    }

    /** {@code docker exec -d [-e K=V…] C sh -c 'mkdir -p D; echo $$ > PID; exec python … > LOG 2>&1'}. */
    RemoteCommand launch(ServePlan plan) {
        String script = "mkdir -p " + Sh.quote(properties.logDirectory()) + "; echo $$ > "
                + Sh.quote(properties.pidPath()) + "; exec " + Sh.join(serverArgs(plan)) + " > "
                + Sh.quote(properties.logPath()) + " 2>&1";
        RemoteCommand.Builder docker = RemoteCommand.builder("docker").args("exec", "-d");
        new TreeMap<>(plan.env()).forEach((name, value) -> {
            docker.arg("-e");
            if (SECRET_NAME.matcher(name).find()) {
                docker.secretArg(name + "=" + value);
            } else {
                docker.arg(name + "=" + value);
            }
        });
        return docker.args(plan.container(), "sh", "-c", script).build();
    }

    /** What an operator would type on the head to do the same launch by hand. */
    String runbook(ServePlan plan) {
        return launch(plan).forLog();
    }

    RemoteCommand readConfig(String container, String model) {
        return exec(container, "cat", stripSlash(model) + "/config.json");
    }

    RemoteCommand readPid(String container) {
        return exec(container, "cat", properties.pidPath()).discardStderr();
    }

    /** The log from line {@code fromLine} (1-based), then one marker line saying whether the process still runs. */
    RemoteCommand poll(String container, long pid, long fromLine) {
        String script = "tail -n +" + fromLine + " " + Sh.quote(properties.logPath()) + " 2>/dev/null; kill -0 " + pid
                + " 2>/dev/null && echo " + STATE_MARKER + "alive || echo " + STATE_MARKER + "exited";
        return exec(container, "sh", "-c", script);
    }

    RemoteCommand tail(String container, int lines) {
        return exec(container, "tail", "-n", Integer.toString(lines), properties.logPath());
    }

    RemoteCommand alive(String container, long pid) {
        return exec(container, "kill", "-0", Long.toString(pid));
    }

    RemoteCommand signal(String container, long pid, String signal) {
        return exec(container, "kill", "-s", signal, Long.toString(pid));
    }

    RemoteCommand forgetPid(String container) {
        return exec(container, "rm", "-f", properties.pidPath());
    }

    private static RemoteCommand exec(String container, String... command) {
        return RemoteCommand.builder("docker")
                .arg("exec")
                .arg(container)
                .args(command)
                .build();
    }

    private static String stripSlash(String path) {
        return path.replaceAll("/+$", "");
    }
}
