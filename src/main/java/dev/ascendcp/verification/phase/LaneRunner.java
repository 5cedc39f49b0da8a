package dev.ascendcp.verification.phase;

import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.ssh.Cancellation;
import dev.ascendcp.ssh.ExecFailure;
import dev.ascendcp.ssh.ExecOptions;
import dev.ascendcp.ssh.ExecResult;
import dev.ascendcp.ssh.OutputSink;
import dev.ascendcp.ssh.RemoteCommand;
import dev.ascendcp.ssh.RemoteExecutor;
import dev.ascendcp.ssh.SshTarget;
import dev.ascendcp.verification.Section;
import dev.ascendcp.verification.SectionDemux;
import dev.ascendcp.verification.VerificationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the lanes of a node script at the same time, one exec channel each on the node's one SSH connection, and cuts
 * the sections out of their output. A lane is a shell line built by the verification scripts from validated numbers
 * and addresses only, so it is passed as the single argument of {@code sh -c} (quoted by {@link RemoteCommand}).
 */
@Component
public class LaneRunner implements DisposableBean {

    /** The sections of all lanes, or why the node could not be asked at all. */
    public record Result(List<Section> sections, @Nullable ExecFailure failure) {

        public boolean unreachable() {
            return failure != null;
        }
    }

    private final RemoteExecutor executor;
    private final VerificationProperties properties;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "verify-lane-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    LaneRunner(RemoteExecutor executor, VerificationProperties properties) {
        this.executor = executor;
        this.properties = properties;
    }

    public Result run(SshTarget target, List<String> lanes, StepContext context, Duration timeout, OutputSink sink)
            throws InterruptedException {
        Cancellation cancellation = new Cancellation();
        context.onCancel(cancellation::cancel);
        Duration limit = timeout.compareTo(context.stepTimeout()) < 0 ? timeout : context.stepTimeout();
        ExecOptions options = ExecOptions.defaults()
                .withTimeout(limit)
                .withDeadline(context.jobDeadline())
                .withCancellation(cancellation)
                .withOutputLimits(properties.outputBytes(), 65536)
                .withSink(synchronizedSink(sink));
        List<Future<ExecResult>> running = new ArrayList<>();
        for (String lane : lanes) {
            RemoteCommand command = RemoteCommand.of("sh", "-c", lane);
            running.add(pool.submit(() -> executor.execute(target, command, options)));
        }
        List<Section> sections = new ArrayList<>();
        ExecFailure failure = null;
        try {
            for (Future<ExecResult> future : running) {
                ExecResult result = future.get();
                List<Section> found = SectionDemux.split(result.stdout().text());
                sections.addAll(found);
                if (found.isEmpty() && result.failure() != null && failure == null) {
                    failure = withStderr(result);
                }
            }
        } catch (InterruptedException e) {
            cancellation.cancel();
            running.forEach(f -> f.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a lane failed unexpectedly", e.getCause());
        }
        boolean nothing = sections.isEmpty() && failure != null;
        return new Result(List.copyOf(sections), nothing ? failure : null);
    }

    private static ExecFailure withStderr(ExecResult result) {
        ExecFailure failure = result.failure();
        String stderr = result.stderr().text().strip();
        if (failure == null || stderr.isEmpty()) {
            return failure;
        }
        String first = stderr.lines().findFirst().orElse("");
        return ExecFailure.of(failure.reason(), failure.message() + ": " + first);
    }

    private static OutputSink synchronizedSink(OutputSink sink) {
        return (stream, line) -> {
            synchronized (sink) {
                sink.onLine(stream, line);
            }
        };
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
