/** Simulated Ascend NPU servers behind real SSH servers (Apache MINA SSHD), for the demo and the tests. */
@NullMarked
package dev.ascendcp.simulator;

import org.jspecify.annotations.NullMarked;
