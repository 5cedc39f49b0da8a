/** Ascend Cluster Control Plane: verifies Ascend NPU networks, bootstraps Ray and serves vLLM over SSH. */
@NullMarked
package dev.ascendcp;

import org.jspecify.annotations.NullMarked;
