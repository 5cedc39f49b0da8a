package dev.ascendcp.jobs;

/** Why a job failed, was cancelled or interrupted: a stable reason code and a sentence. */
public record JobError(String reason, String message) {}
