package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The per-NPU checks: IP, link, net health, gateway, LLDP neighbour, npu-smi health and the hccn.conf address. */
public final class NpuChecks {

    private NpuChecks() {}

    /**
     * @param conf the NPU's hccn.conf entry, or null when the file has none; {@code confRead} says whether the file
     *     itself was read (no comparison otherwise)
     * @param chip the NPU's npu-smi row, or null when npu-smi was not read or does not list it
     */
    public static NpuVerdict check(
            String node, NpuQueries q, @Nullable HccnConfEntry conf, boolean confRead, @Nullable NpuChip chip) {
        int i = q.index();
        List<Problem> problems = new ArrayList<>();
        if (q.invalidDevice()) {
            problems.add(
                    Problem.npu(
                            Severity.FAILED,
                            node,
                            i,
                            "NPU_ABSENT",
                            "hccn_tool does not know this device",
                            "the node has fewer NPUs than the inventory says, or the driver does not see this one (npu-smi info)"));
        } else {
            String port = q.lldp().port();
            ip(node, q, problems);
            link(node, i, q.link(), port, problems);
            NetHealthChecks.check(node, i, q.netHealth(), q.netdetect(), problems);
            gateway(node, i, q.gateway(), problems);
            lldp(node, i, q.lldp(), problems);
            if (confRead) {
                conf(node, i, q.ip(), conf, problems);
            }
        }
        smi(node, i, chip, problems);
        return new NpuVerdict(
                i,
                q.ip().address(),
                q.ip().netmask(),
                q.link().state(),
                q.netHealth().word(),
                q.lldp().port(),
                q.netdetect().address(),
                q.gateway().gateway(),
                Verdict.of(problems),
                List.copyOf(problems));
    }

    private static void ip(String node, NpuQueries q, List<Problem> problems) {
        IpInfo ip = q.ip();
        if (ip.outcome() == Outcome.NOT_SET || (ip.outcome() == Outcome.OK && ip.address() == null)) {
            problems.add(Problem.npu(
                    Severity.FAILED,
                    node,
                    q.index(),
                    "IP_MISSING",
                    "no IP address configured",
                    "set one: hccn_tool -i " + q.index() + " -ip -s address <ip> netmask <mask>"));
        } else if (ip.outcome() != Outcome.OK) {
            problems.add(unreadable(node, q.index(), "-ip -g", ip.outcome(), ip.raw()));
        }
    }

    private static void link(String node, int i, LinkInfo link, @Nullable String port, List<Problem> problems) {
        if (link.state() == LinkState.DOWN) {
            String where = port == null ? "switch port unknown" : "switch port " + port;
            problems.add(Problem.npu(
                    Severity.FAILED,
                    node,
                    i,
                    "LINK_DOWN",
                    "link DOWN",
                    "check the optical module and cable (" + where + ")"));
        } else if (link.state() != LinkState.UP) {
            problems.add(unreadable(node, i, "-link -g", link.outcome(), link.raw()));
        }
    }

    private static void gateway(String node, int i, GatewayInfo gateway, List<Problem> problems) {
        if (gateway.outcome() == Outcome.NOT_SET) {
            problems.add(Problem.npu(
                    Severity.FAILED,
                    node,
                    i,
                    "GATEWAY_MISSING",
                    "no gateway configured",
                    "set one: hccn_tool -i " + i + " -gateway -s gateway <ip>"));
        } else if (gateway.outcome() != Outcome.OK) {
            problems.add(unreadable(node, i, "-gateway -g", gateway.outcome(), gateway.raw()));
        }
    }

    private static void lldp(String node, int i, LldpInfo lldp, List<Problem> problems) {
        if (lldp.outcome() == Outcome.NOT_SET) {
            problems.add(Problem.npu(
                    Severity.WARN,
                    node,
                    i,
                    "LLDP_NO_NEIGHBOUR",
                    "no LLDP neighbour, switch port unknown",
                    "check the cable and that LLDP is enabled on the switch port"));
        } else if (lldp.outcome() != Outcome.OK) {
            problems.add(unreadable(node, i, "-lldp -g", lldp.outcome(), lldp.raw()));
        } else if (lldp.port() == null) {
            problems.add(Problem.npu(
                    Severity.WARN,
                    node,
                    i,
                    "LLDP_PORT_UNKNOWN",
                    "the LLDP neighbour names no port",
                    "look the port up on the switch (chassis " + lldp.chassisId() + ")"));
        }
    }

    private static void conf(String node, int i, IpInfo ip, @Nullable HccnConfEntry conf, List<Problem> problems) {
        String actual = ip.address();
        if (actual == null) {
            return;
        }
        String persisted = conf == null ? null : conf.address();
        if (persisted == null) {
            problems.add(Problem.npu(
                    Severity.WARN,
                    node,
                    i,
                    "CONF_ADDRESS_MISSING",
                    "address " + actual + " is not in /etc/hccn.conf",
                    "it is lost on reboot: set it again with hccn_tool -i " + i + " -ip -s so that it is persisted"));
        } else if (!persisted.equals(actual)) {
            problems.add(Problem.npu(
                    Severity.FAILED,
                    node,
                    i,
                    "CONF_ADDRESS_MISMATCH",
                    "hccn.conf address " + persisted + " differs from -ip -g " + actual,
                    "set the intended address with hccn_tool -i " + i + " -ip -s address <ip> netmask <mask>"));
        }
    }

    private static void smi(String node, int i, @Nullable NpuChip chip, List<Problem> problems) {
        if (chip == null || chip.health() == NpuHealth.OK) {
            return;
        }
        Severity severity = chip.health() == NpuHealth.WARNING ? Severity.WARN : Severity.FAILED;
        problems.add(Problem.npu(
                severity,
                node,
                i,
                "NPU_HEALTH_" + chip.health().name(),
                "npu-smi health " + chip.healthWord(),
                "see npu-smi info -t health -i " + chip.npuId() + " -c " + chip.chipId() + " for the error code"));
    }

    static Problem unreadable(String node, int i, String query, Outcome outcome, String raw) {
        String first = raw.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse("(no output)")
                .strip();
        String what = switch (outcome) {
            case BUSY -> "hccn_tool " + query + " stayed busy";
            case ERROR -> "hccn_tool " + query + " failed: " + first;
            default -> "hccn_tool " + query + " output could not be read";
        };
        return Problem.npu(
                Severity.UNKNOWN,
                node,
                i,
                "OUTPUT_UNREADABLE",
                what,
                outcome == Outcome.BUSY
                        ? "run the verification again"
                        : "run it by hand on the node; raw output: " + first);
    }
}
