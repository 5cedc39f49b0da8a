/** Prometheus gauges per NPU, node and cluster from the latest verification of every cluster. */
@NullMarked
package dev.ascendcp.verification.metrics;

import org.jspecify.annotations.NullMarked;
