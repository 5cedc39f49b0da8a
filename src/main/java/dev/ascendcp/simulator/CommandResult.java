package dev.ascendcp.simulator;

/** The outcome of a command line run on a simulated node without SSH ({@link SimulatedNode#run(String)}). */
public record CommandResult(int exitStatus, String stdout, String stderr) {}
