package dev.ascendcp.serving;

import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.ExecResult;
import java.util.UUID;

/** On one node: the model directory holds config.json (inside the container); on the head also the DeepSeek check. */
final class ModelCheckStep implements StepAction {

    private final ServeTools tools;
    private final ServePlan plan;
    private final UUID headId;

    ModelCheckStep(ServeTools tools, ServePlan plan, UUID headId) {
        this.tools = tools;
        this.plan = plan;
        this.headId = headId;
    }

    @Override
    public StepOutcome run(StepContext context) {
        String node = context.node().nodeName();
        ExecResult result = tools.remote()
                .run(
                        tools.targets().target(context.node().nodeId()),
                        tools.remote().commands().readConfig(plan.container(), plan.model()),
                        ServeTools.cancellationOf(context));
        if (result.exitCode() == null && result.failure() != null) {
            return StepOutcome.failed(
                    result.failure().reason().name(), result.failure().message(), null);
        }
        String stderr = result.stderr().text();
        if (stderr.contains("No such container") || stderr.contains("is not running")) {
            return StepOutcome.failed(
                    "CONTAINER_NOT_RUNNING",
                    "container " + plan.container() + " is not running on " + node + ": run BOOTSTRAP first",
                    result.exitCode());
        }
        if (!result.succeeded()) {
            ServeAttributes.missingOn(context.attributes()).add(node);
            context.log(LogStream.STDERR, stderr.strip());
            return StepOutcome.failed(
                    ServeFailure.MODEL_NOT_FOUND.name(),
                    plan.model() + "/config.json is missing on " + node + " (the model must be at the same path on"
                            + " every node)",
                    result.exitCode());
        }
        if (context.node().nodeId().equals(headId)) {
            String warning = ModelConfig.quantizationWarning(result.stdout().text());
            if (warning != null && plan.quantizationCheck() == ServePlan.QuantizationCheck.FAIL) {
                return StepOutcome.failed("QUANTIZATION_CONFIG", warning, null);
            }
            if (warning != null) {
                context.log(LogStream.SYSTEM, "WARNING: " + warning);
                ServeAttributes.warnings(context.attributes()).add(warning);
            }
        }
        return StepOutcome.succeeded(plan.model() + "/config.json found on " + node);
    }
}
