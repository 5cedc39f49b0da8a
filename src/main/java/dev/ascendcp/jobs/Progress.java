package dev.ascendcp.jobs;

/** Steps that reached a terminal state out of all steps. */
public record Progress(int done, int total) {}
