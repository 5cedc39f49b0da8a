package dev.ascendcp.deploy;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.TargetNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;

/**
 * What a sub-phase's step sees inside a Deploy job: everything of the Deploy step, under the sub-phase's own step name
 * and with the options the sub-phase was planned with.
 */
record SubPhaseContext(StepContext deploy, String stepName, Map<String, Object> options) implements StepContext {

    @Override
    public UUID jobId() {
        return deploy.jobId();
    }

    @Override
    public ClusterTargets cluster() {
        return deploy.cluster();
    }

    @Override
    public TargetNode node() {
        return deploy.node();
    }

    @Override
    public int attempt() {
        return deploy.attempt();
    }

    @Override
    public void log(LogStream stream, String line) {
        deploy.log(stream, line);
    }

    @Override
    public boolean isCancelled() {
        return deploy.isCancelled();
    }

    @Override
    public void onCancel(Runnable callback) {
        deploy.onCancel(callback);
    }

    @Override
    public Duration stepTimeout() {
        return deploy.stepTimeout();
    }

    @Override
    public Instant jobDeadline() {
        return deploy.jobDeadline();
    }

    @Override
    public ConcurrentMap<String, Object> attributes() {
        return deploy.attributes();
    }
}
