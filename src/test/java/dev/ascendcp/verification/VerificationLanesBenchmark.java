package dev.ascendcp.verification;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link VerificationBenchmark} on nodes that allow 8 concurrent hccn_tool calls, with 8 ping lanes per node (one per
 * source NPU, {@code ascendcp.verification.ping-concurrency=8}): what the setting buys where the tool tolerates it.
 */
@TestPropertySource(properties = "ascendcp.verification.ping-concurrency=8")
class VerificationLanesBenchmark extends VerificationBenchmark {

    @Override
    int[] sizes() {
        return new int[] {1, 64};
    }

    @Override
    int nodeHccnLimit() {
        return 8;
    }

    @Override
    boolean full() {
        return false;
    }
}
