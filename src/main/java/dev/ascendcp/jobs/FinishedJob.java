package dev.ascendcp.jobs;

import java.util.Map;

/** What {@link Phase#onJobFinished} learns: the job as stored and the attributes its steps left. */
public record FinishedJob(JobView job, Map<String, Object> attributes) {}
