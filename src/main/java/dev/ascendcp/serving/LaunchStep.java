package dev.ascendcp.serving;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.Cancellation;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.SshTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** On the head: stops a previous vLLM, then launches the planned one detached inside the container. */
final class LaunchStep implements StepAction {

    private final ServeTools tools;
    private final ServePlan plan;
    private final NodeResponse head;

    LaunchStep(ServeTools tools, ServePlan plan, NodeResponse head) {
        this.tools = tools;
        this.plan = plan;
        this.head = head;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        Set<String> missing = ServeAttributes.missingOn(context.attributes());
        if (!missing.isEmpty()) {
            return StepOutcome.failed(
                    ServeFailure.MODEL_NOT_FOUND.name(),
                    "not launched: " + plan.model() + " is missing on " + String.join(", ", missing),
                    null);
        }
        List<String> warnings = new ArrayList<>(plan.warnings());
        warnings.addAll(ServeAttributes.warnings(context.attributes()));
        warnings.forEach(w -> context.log(LogStream.SYSTEM, "WARNING: " + w));
        SshTarget target = tools.targets().target(head.id());
        Cancellation cancellation = ServeTools.cancellationOf(context);
        context.log(LogStream.SYSTEM, tools.remote().stop(target, plan.container()));
        RemoteCommand command = tools.remote().commands().launch(plan);
        String runbook = command.forLog();
        context.log(LogStream.SYSTEM, "$ " + runbook);
        String url = EndpointAccess.publicUrl(head, plan.port()).toString();
        tools.store()
                .transition(
                        context.cluster().clusterId(),
                        ServingState.STARTING,
                        null,
                        "launching vLLM",
                        e -> e.launched(
                                context.jobId(),
                                url,
                                plan.clientModelName(),
                                head.id(),
                                plan.port(),
                                runbook,
                                String.join("\n", warnings)));
        ExecResult result = tools.remote().run(target, command, cancellation);
        if (!result.succeeded()) {
            String why = result.failure() == null
                    ? "launch failed"
                    : result.failure().message();
            context.log(LogStream.STDERR, result.stderr().text().strip());
            tools.store().transition(context.cluster().clusterId(), ServingState.FAILED, "LAUNCH_FAILED", why);
            return StepOutcome.failed("LAUNCH_FAILED", why, result.exitCode());
        }
        OptionalLong pid = tools.remote().pid(target, plan.container(), Duration.ofSeconds(15), cancellation);
        if (pid.isEmpty()) {
            String why = "vLLM did not start: no pid in " + tools.properties().pidPath();
            tools.store().transition(context.cluster().clusterId(), ServingState.FAILED, "LAUNCH_FAILED", why);
            return StepOutcome.failed("LAUNCH_FAILED", why, null);
        }
        ServeAttributes.pid(context.attributes(), pid.getAsLong());
        return StepOutcome.succeeded("vLLM started (pid " + pid.getAsLong() + "), log in "
                + tools.properties().logPath() + " inside " + plan.container());
    }
}
