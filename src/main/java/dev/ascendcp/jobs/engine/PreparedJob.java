package dev.ascendcp.jobs.engine;

import dev.ascendcp.jobs.ClusterTargets;
import dev.ascendcp.jobs.JobPlan;
import dev.ascendcp.jobs.JobRequest;
import dev.ascendcp.jobs.Phase;

/** A validated request with its phase, its targets and the plan that phase made. */
public record PreparedJob(JobRequest request, Phase phase, ClusterTargets targets, JobPlan plan) {}
