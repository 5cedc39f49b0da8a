/** Persistence of jobs, steps, their events and the per-cluster lock (entities and repositories). */
@NullMarked
package dev.ascendcp.jobs.model;

import org.jspecify.annotations.NullMarked;
