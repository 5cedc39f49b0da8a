package dev.ascendcp.verification;

/** What the inventory says about a node. */
public record NodeFacts(String name, int npuCount) {}
