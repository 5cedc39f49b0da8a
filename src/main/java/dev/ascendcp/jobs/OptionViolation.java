package dev.ascendcp.jobs;

/**
 * One broken rule of a phase's options, e.g. {@code ("options.pingCount", "min", "must be at least 1")}; rendered in
 * the 422 problem's {@code errors} list.
 */
public record OptionViolation(String field, String rule, String message) {}
