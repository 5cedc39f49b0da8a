package dev.ascendcp.jobs.engine;

/** This replica's name in job leases ({@code ascendcp.jobs.instance-id}, default the host name). */
public record ReplicaId(String value) {}
