package dev.ascendcp.jobs.model;

import dev.ascendcp.jobs.JobSummary;
import dev.ascendcp.jobs.JobView;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Entity → API records, inside the transaction that loaded the entity. */
public final class JobViews {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private JobViews() {}

    public static JobView of(Job job, JsonMapper json) {
        return new JobView(
                job.id(),
                job.clusterId(),
                job.clusterName(),
                job.phase(),
                job.status(),
                job.requestedBy(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.progress(),
                job.error(),
                json.readValue(job.options(), MAP),
                job.retryOf(),
                job.steps().stream().map(Step::toView).toList());
    }

    public static JobSummary summary(Job job) {
        return new JobSummary(
                job.id(),
                job.clusterId(),
                job.clusterName(),
                job.phase(),
                job.status(),
                job.requestedBy(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.progress(),
                job.error(),
                job.retryOf());
    }
}
