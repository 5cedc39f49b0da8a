/** Tracked jobs: the Job/Step model, the phase-agnostic execution engine, logs, live events and recovery. */
@NullMarked
package dev.ascendcp.jobs;

import org.jspecify.annotations.NullMarked;
