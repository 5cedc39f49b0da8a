package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns the ping sections of every source node into per-pair loss, RTT, verdicts and problem sentences. */
public final class PingResults {

    private PingResults() {}

    /** @param sectionsByNode the demultiplexed ping output of each source node */
    public static PingReport evaluate(PingPlan plan, Map<String, List<Section>> sectionsByNode) {
        List<PingPairResult> results = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<SectionKey> busy = new ArrayList<>();
        Map<String, Map<SectionKey, Section>> index = new HashMap<>();
        sectionsByNode.forEach((node, sections) -> {
            Map<SectionKey, Section> byKey = new HashMap<>();
            sections.forEach(s -> byKey.put(s.key(), s));
            index.put(node, byKey);
        });
        for (PingPair pair : plan.pairs()) {
            SectionKey key = SectionKey.ping(pair.fromNpu(), pair.toIp());
            Section s = index.getOrDefault(pair.fromNode(), Map.of()).get(key);
            PingOutput out = s == null || !s.complete()
                    ? new PingOutput(Outcome.UNKNOWN, null, null, 0, 0, 100.0, List.of(), null, false, null, "")
                    : PingParser.parse(s.output(), "", s.exitCode());
            if (out.outcome() == Outcome.BUSY && !busy.contains(key)) {
                busy.add(key);
            }
            Problem problem = problem(pair, out);
            Verdict verdict = problem == null ? Verdict.PASSED : Verdict.of(List.of(problem));
            if (problem != null) {
                problems.add(problem);
            }
            results.add(new PingPairResult(
                    pair, out.outcome(), out.lossPercent(), out.avgRttMs(), out.exitCode(), verdict, problem));
        }
        int failed = (int)
                results.stream().filter(r -> r.verdict() == Verdict.FAILED).count();
        return new PingReport(
                plan.strategy(), plan.total(), failed, List.copyOf(results), List.copyOf(problems), List.copyOf(busy));
    }

    static @Nullable Problem problem(PingPair pair, PingOutput out) {
        String to = "NPU " + pair.toNpu() + " on " + pair.toNode() + " (" + pair.toIp() + ")";
        String hint = "check link, IP, netmask and gateway of both NPUs; by hand: hccn_tool -i " + pair.fromNpu()
                + " -ping -g address " + pair.toIp();
        if (out.outcome() != Outcome.OK) {
            String why = out.outcome() == Outcome.BUSY ? "hccn_tool stayed busy" : "no readable answer";
            return of(
                    Severity.UNKNOWN,
                    pair,
                    "PING_UNREADABLE",
                    "could not ping " + to + ": " + why,
                    "run the verification again");
        }
        if (out.clean()) {
            return null;
        }
        if (out.received() == 0 || out.unreachable()) {
            return of(
                    Severity.FAILED,
                    pair,
                    "PING_UNREACHABLE",
                    "cannot reach " + to + ": " + percent(out.lossPercent()) + " loss",
                    hint);
        }
        if (out.received() < out.transmitted()) {
            return of(
                    Severity.WARN,
                    pair,
                    "PING_LOSS",
                    "loses " + percent(out.lossPercent()) + " of packets to " + to,
                    hint);
        }
        return null;
    }

    private static Problem of(Severity severity, PingPair pair, String code, String what, String hint) {
        String message = "NPU " + pair.fromNpu() + " on " + pair.fromNode() + " " + what;
        return new Problem(severity, Scope.NPU, pair.fromNode(), pair.fromNpu(), code, message, hint);
    }

    private static String percent(double loss) {
        return loss == Math.rint(loss)
                ? String.format(Locale.ROOT, "%.0f%%", loss)
                : String.format(Locale.ROOT, "%.2f%%", loss);
    }
}
