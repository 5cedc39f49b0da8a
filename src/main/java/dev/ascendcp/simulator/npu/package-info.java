/** Simulated Ascend tools: hccn_tool, npu-smi and the hccn.conf file. */
@NullMarked
package dev.ascendcp.simulator.npu;

import org.jspecify.annotations.NullMarked;
