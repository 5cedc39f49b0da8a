package dev.ascendcp.verification;

import java.util.List;

/** The net health check: Success passes, Init and Detect ip set warn, the other words fail, each with a hint. */
final class NetHealthChecks {

    private NetHealthChecks() {}

    static void check(String node, int i, NetHealthInfo info, NetdetectInfo netdetect, List<Problem> problems) {
        NetHealth health = info.health();
        if (info.outcome() != Outcome.OK || health == null) {
            problems.add(NpuChecks.unreadable(node, i, "-net_health -g", info.outcome(), info.raw()));
            return;
        }
        if (health == NetHealth.SUCCESS) {
            return;
        }
        Severity severity =
                health == NetHealth.INIT || health == NetHealth.DETECT_IP_SET ? Severity.WARN : Severity.FAILED;
        problems.add(Problem.npu(
                severity,
                node,
                i,
                "NET_HEALTH_" + health.name(),
                "net health: " + info.word(),
                hint(health, i, netdetect)));
    }

    private static String hint(NetHealth health, int i, NetdetectInfo netdetect) {
        String set = "hccn_tool -i " + i + " -netdetect -s address <gateway ip>";
        return switch (health) {
            case INIT ->
                netdetect.configured()
                        ? "detection has not run yet: check the IP and wait a few seconds, then verify again"
                        : "the NPU is not configured for detection: give it an IP and a netdetect address (" + set
                                + ")";
            case DETECT_IP_SET -> "the detection address is being set: verify again in a few seconds";
            case RECEIVE_TIMEOUT ->
                "the netdetect address " + netdetect.address()
                        + " does not answer: check it is reachable and not inside a vNIC subnet (192.168.x.x)";
            case UNREACHABLE -> "the netdetect address is unreachable: check the gateway and the netmask";
            case SOCKET_FAIL, THREAD_ERROR -> "the detection task failed on the device: check the driver log";
            case TIME_EXCEEDED -> "detection packets time out: check the link and the switch port";
            case FAULT -> "the port is faulty: check the link (-link -g), the optical module and the cable";
            default -> "unexpected net health word: check the driver version and the port";
        };
    }
}
