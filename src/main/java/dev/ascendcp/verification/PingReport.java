package dev.ascendcp.verification;

import java.util.List;

/** All ping results of a run, the failed count, the problems, and the sections to retry because they were busy. */
public record PingReport(
        PingStrategy strategy,
        int pairs,
        int failed,
        List<PingPairResult> results,
        List<Problem> problems,
        List<SectionKey> busy) {

    public Verdict verdict() {
        return Verdict.of(problems);
    }
}
