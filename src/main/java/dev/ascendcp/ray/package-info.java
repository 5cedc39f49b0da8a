/** The Bootstrap and Teardown phases: containers, Ray env, head and workers, post-checks, and the Ray state. */
@NullMarked
package dev.ascendcp.ray;

import org.jspecify.annotations.NullMarked;
