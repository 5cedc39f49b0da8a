/** A small POSIX shell and virtual file system that interpret the SSH exec requests of a simulated node. */
@NullMarked
package dev.ascendcp.simulator.shell;

import org.jspecify.annotations.NullMarked;
