package dev.ascendcp.simulator.npu;

import dev.ascendcp.simulator.NodeFaults;
import java.time.Duration;

/** What every Ascend tool call pays on a node: the configured latency, the slow fault and the hang fault. */
final class ToolGate {

    private ToolGate() {}

    static void delay(NodeFaults faults, Duration base) throws InterruptedException {
        if (faults.hang()) {
            Thread.sleep(Long.MAX_VALUE);
        }
        long ms = base.plus(faults.extraLatency()).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
