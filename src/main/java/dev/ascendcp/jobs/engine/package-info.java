/** The execution engine: dispatch, fan-out over nodes, per-step timeout/retry/cancel, leases and recovery. */
@NullMarked
package dev.ascendcp.jobs.engine;

import org.jspecify.annotations.NullMarked;
