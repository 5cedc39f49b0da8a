/** Job output and events: bounded per-step storage, batched writes, the live event bus for SSE. */
@NullMarked
package dev.ascendcp.jobs.logs;

import org.jspecify.annotations.NullMarked;
