package dev.ascendcp.verification;

import java.util.Collection;

/** The outcome for an NPU, a node, a ping pair or the cluster, from best to worst. */
public enum Verdict {
    PASSED,
    WARN,
    UNKNOWN,
    FAILED;

    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public static Verdict of(Collection<Problem> problems) {
        Verdict verdict = PASSED;
        for (Problem p : problems) {
            verdict = verdict.worst(
                    switch (p.severity()) {
                        case WARN -> WARN;
                        case UNKNOWN -> UNKNOWN;
                        case FAILED -> FAILED;
                    });
        }
        return verdict;
    }

    /** PASSED or WARN: nothing stands in the way. */
    public boolean ok() {
        return this == PASSED || this == WARN;
    }
}
