/** Simulated docker, Ray and vLLM on a simulated node. */
@NullMarked
package dev.ascendcp.simulator.apps;

import org.jspecify.annotations.NullMarked;
