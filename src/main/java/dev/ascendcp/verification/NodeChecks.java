package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The per-node checks: NPU count, hccn.conf, processes on the NPUs; then each NPU's checks. */
public final class NodeChecks {

    private NodeChecks() {}

    public static NodeVerdict unreachable(NodeFacts facts, String reason) {
        Problem p = Problem.node(
                Severity.FAILED,
                facts.name(),
                "NODE_UNREACHABLE",
                "unreachable (" + reason + ")",
                "check that the node is up, the SSH port is open and the credential is right");
        return new NodeVerdict(facts.name(), false, Verdict.FAILED, List.of(), List.of(p));
    }

    public static NodeVerdict check(NodeFacts facts, NodeCollection c) {
        String node = facts.name();
        List<Problem> problems = new ArrayList<>();
        NpuSmiInfo smi = c.npuSmi();
        if (smi.outcome() != Outcome.OK) {
            problems.add(Problem.node(
                    Severity.UNKNOWN,
                    node,
                    "NPU_SMI_UNREADABLE",
                    "npu-smi info could not be read",
                    "run npu-smi info on the node; is the driver installed and on PATH?"));
        } else if (smi.deviceCount() != facts.npuCount()) {
            problems.add(Problem.node(
                    Severity.FAILED,
                    node,
                    "NPU_COUNT",
                    "npu-smi shows " + smi.deviceCount() + " NPUs, the inventory says " + facts.npuCount(),
                    "check the driver (npu-smi info) or correct npuCount in the inventory"));
        }
        if (!smi.processes().isEmpty()) {
            problems.add(busy(node, smi));
        }
        HccnConf conf = c.hccnConf();
        if (conf.outcome() == Outcome.NOT_SET) {
            problems.add(Problem.node(
                    Severity.WARN,
                    node,
                    "CONF_MISSING",
                    "/etc/hccn.conf does not exist",
                    "NPU settings are not persisted; set them with hccn_tool -i N -ip -s ..."));
        } else if (conf.outcome() != Outcome.OK) {
            problems.add(Problem.node(
                    Severity.UNKNOWN,
                    node,
                    "CONF_UNREADABLE",
                    "/etc/hccn.conf could not be read",
                    "check that it exists and is readable by the SSH user (or use sudo)"));
        }
        boolean confRead = conf.outcome() == Outcome.OK;
        List<NpuVerdict> npus = new ArrayList<>();
        for (NpuQueries q : c.npus()) {
            NpuChip chip = smi.chipForDevice(q.index()).orElse(null);
            npus.add(NpuChecks.check(node, q, conf.device(q.index()).orElse(null), confRead, chip));
        }
        Verdict verdict = Verdict.of(problems);
        for (NpuVerdict npu : npus) {
            verdict = verdict.worst(npu.verdict());
        }
        return new NodeVerdict(node, true, verdict, List.copyOf(npus), List.copyOf(problems));
    }

    private static Problem busy(String node, NpuSmiInfo smi) {
        TreeMap<Integer, List<Long>> pids = new TreeMap<>();
        smi.processes()
                .forEach(p -> pids.computeIfAbsent(smi.deviceIndexOf(p), i -> new ArrayList<>())
                        .add(p.pid()));
        String where = pids.entrySet().stream()
                .map(e -> e.getKey() + " (pid "
                        + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        return Problem.node(
                Severity.WARN,
                node,
                "NPUS_BUSY",
                "NPUs busy: processes run on NPU " + where,
                "stop the running workload before serving, or expect less free HBM");
    }
}
