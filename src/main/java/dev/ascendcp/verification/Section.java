package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/**
 * The output of one query cut out of a node's combined output (stdout and stderr merged by {@code 2>&1}). A section
 * without its end marker (the command was killed) is incomplete and has no exit code.
 */
public record Section(
        SectionKey key, String output, @Nullable Integer exitCode, boolean complete) {}
