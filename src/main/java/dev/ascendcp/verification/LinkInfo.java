package dev.ascendcp.verification;

/** {@code hccn_tool -i N -link -g}. */
public record LinkInfo(Outcome outcome, LinkState state, String raw) {}
