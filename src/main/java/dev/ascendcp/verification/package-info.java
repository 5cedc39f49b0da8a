/** The Verify phase: parsers for hccn_tool and npu-smi output, collection scripts, checks, ping planning and verdicts. */
@NullMarked
package dev.ascendcp.verification;

import org.jspecify.annotations.NullMarked;
