/** The Deploy phase: Verify, Bootstrap and Serve as one job, each phase starting only when the one before passed. */
@NullMarked
package dev.ascendcp.deploy;

import org.jspecify.annotations.NullMarked;
