package dev.ascendcp.serving;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The guide's smoke test: {@code /v1/models} lists the model, then one small completion; the endpoint is READY. */
final class SmokeTestStep implements StepAction {

    static final String PROMPT = "The future of AI is";
    static final int MAX_TOKENS = 24;

    private final ServeTools tools;
    private final ServePlan plan;
    private final NodeResponse head;

    SmokeTestStep(ServeTools tools, ServePlan plan, NodeResponse head) {
        this.tools = tools;
        this.plan = plan;
        this.head = head;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        UUID clusterId = context.cluster().clusterId();
        String model = plan.clientModelName();
        try {
            URI base = tools.access().baseFor(head, plan.port());
            List<String> models = tools.client().models(base);
            context.log(LogStream.SYSTEM, "GET /v1/models → " + models);
            if (!models.contains(model)) {
                return failed(clusterId, "/v1/models lists " + models + ", not " + model);
            }
            EndpointClient.Completion c = tools.client().complete(base, model, PROMPT, MAX_TOKENS);
            context.log(
                    LogStream.SYSTEM,
                    "POST /v1/completions \"" + PROMPT + "\" → " + c.completionTokens() + " tokens in "
                            + c.latency().toMillis() + " ms: " + c.text().strip());
            tools.store()
                    .transition(
                            clusterId,
                            ServingState.READY,
                            null,
                            "smoke test passed",
                            e -> e.smoke(c.latency().toMillis(), c.promptTokens(), c.completionTokens(), c.text()));
            return StepOutcome.succeeded(
                    c.completionTokens() + " tokens in " + c.latency().toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            return failed(clusterId, "smoke request failed: " + e.getMessage());
        }
    }

    private StepOutcome failed(UUID clusterId, String message) {
        tools.store().transition(clusterId, ServingState.FAILED, "SMOKE_TEST_FAILED", message);
        return StepOutcome.failed("SMOKE_TEST_FAILED", message, null);
    }
}
