package dev.ascendcp.verification.phase;

import java.util.UUID;

/** Names of the job attributes the steps share: a node's verdict (stage 1), the ping plan and ping sections. */
final class JobKeys {

    static final String PLAN = "verify.pingPlan";

    private JobKeys() {}

    static String verdict(UUID nodeId) {
        return "verify.verdict." + nodeId;
    }

    static String pings(UUID nodeId) {
        return "verify.pings." + nodeId;
    }
}
