package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;

/** The checked state of one node: its own problems and those of each NPU. */
public record NodeVerdict(
        String node, boolean reachable, Verdict verdict, List<NpuVerdict> npus, List<Problem> problems) {

    /** Node problems followed by every NPU's problems. */
    public List<Problem> allProblems() {
        List<Problem> all = new ArrayList<>(problems);
        npus.forEach(n -> all.addAll(n.problems()));
        return List.copyOf(all);
    }
}
