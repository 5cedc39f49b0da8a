package dev.ascendcp.serving;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.ssh.Cancellation;
import dev.ascendcp.ssh.SshTarget;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * On the head: polls {@code GET /health} until 200 while streaming the server log into the job; on process exit or
 * timeout fails with the last log lines and the classified reason (and stops a vLLM that never became ready).
 */
final class ReadinessStep implements StepAction {

    private static final int KEPT_LINES = 5000;

    private final ServeTools tools;
    private final ServePlan plan;
    private final NodeResponse head;

    ReadinessStep(ServeTools tools, ServePlan plan, NodeResponse head) {
        this.tools = tools;
        this.plan = plan;
        this.head = head;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        long pid = ServeAttributes.pid(context.attributes());
        SshTarget target = tools.targets().target(head.id());
        Cancellation cancellation = ServeTools.cancellationOf(context);
        Instant started = Instant.now();
        Instant deadline = started.plus(tools.properties().readinessTimeout());
        Deque<String> seen = new ArrayDeque<>();
        long nextLine = 1;
        while (true) {
            if (context.isCancelled()) {
                return cancelled(context, target);
            }
            VllmRemote.Poll poll = tools.remote().poll(target, plan.container(), pid, nextLine, cancellation);
            for (String line : poll.lines()) {
                context.log(LogStream.STDOUT, line);
                seen.addLast(line);
                if (seen.size() > KEPT_LINES) {
                    seen.removeFirst();
                }
            }
            nextLine += poll.lines().size();
            if (poll.reached() && !poll.alive()) {
                return failed(context, target, List.copyOf(seen), "vLLM exited during startup", "PROCESS_EXITED");
            }
            if (health() == 200) {
                long seconds = Duration.between(started, Instant.now()).toSeconds();
                return StepOutcome.succeeded("GET /health answered 200 after " + seconds + " s");
            }
            if (!Instant.now().isBefore(deadline)) {
                context.log(LogStream.SYSTEM, tools.remote().stop(target, plan.container()));
                return failed(
                        context,
                        target,
                        List.copyOf(seen),
                        "vLLM was not ready within "
                                + tools.properties().readinessTimeout().toMinutes() + " min" + " (stopped)",
                        "READINESS_TIMEOUT");
            }
            Thread.sleep(tools.properties().pollInterval().toMillis());
        }
    }

    private int health() throws InterruptedException {
        try {
            URI base = tools.access().baseFor(head, plan.port());
            return tools.client().health(base);
        } catch (RuntimeException unreachable) {
            return -1;
        }
    }

    private StepOutcome failed(StepContext context, SshTarget target, List<String> seen, String what, String fallback) {
        List<String> tail = tools.remote().tail(target, plan.container(), new Cancellation());
        ServeFailure failure = ServeFailureClassifier.classify(seen.isEmpty() ? tail : seen);
        String reason = failure == ServeFailure.UNKNOWN ? fallback : failure.name();
        context.log(
                LogStream.SYSTEM,
                "last " + tail.size() + " lines of " + tools.properties().logPath() + ":");
        tail.forEach(line -> context.log(LogStream.STDERR, line));
        String message = what + ": " + failure.hint();
        UUID clusterId = context.cluster().clusterId();
        tools.store().transition(clusterId, ServingState.FAILED, reason, message + "\n" + String.join("\n", tail));
        return StepOutcome.failed(reason, message, null);
    }

    private StepOutcome cancelled(StepContext context, SshTarget target) throws InterruptedException {
        String stopped = tools.remote().stop(target, plan.container());
        tools.store().transition(context.cluster().clusterId(), ServingState.STOPPED, "CANCELLED", stopped);
        return StepOutcome.failed("CANCELLED", "cancelled while vLLM was starting; " + stopped, null);
    }
}
