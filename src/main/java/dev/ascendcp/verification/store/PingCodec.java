package dev.ascendcp.verification.store;

import dev.ascendcp.verification.Outcome;
import dev.ascendcp.verification.PingPair;
import dev.ascendcp.verification.PingPairResult;
import dev.ascendcp.verification.Problem;
import dev.ascendcp.verification.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ping results as one tab-separated line per pair (a JSON object per pair would be ten times larger). A pair's
 * problem is stored once, in the report's problem list, and referred to by its index there.
 */
final class PingCodec {

    private PingCodec() {}

    static String encode(List<PingPairResult> results, List<Problem> problems) {
        StringBuilder out = new StringBuilder(results.size() * 48);
        int next = 0;
        for (PingPairResult r : results) {
            PingPair p = r.pair();
            int problem = -1;
            if (r.problem() != null) {
                int found = problems.subList(next, problems.size()).indexOf(r.problem());
                problem = found < 0 ? problems.indexOf(r.problem()) : next + found;
                next = Math.max(next, problem + 1);
            }
            out.append(p.fromNode()).append('\t').append(p.fromNpu()).append('\t');
            out.append(p.toNode())
                    .append('\t')
                    .append(p.toNpu())
                    .append('\t')
                    .append(p.toIp())
                    .append('\t');
            out.append(r.outcome().name()).append('\t');
            out.append(String.format(Locale.ROOT, "%.2f", r.lossPercent())).append('\t');
            out.append(r.avgRttMs() == null ? "-" : String.format(Locale.ROOT, "%.6f", r.avgRttMs()))
                    .append('\t');
            out.append(r.exitCode() == null ? "-" : r.exitCode().toString()).append('\t');
            out.append(r.verdict().name()).append('\t').append(problem).append('\n');
        }
        return out.toString();
    }

    static List<PingPairResult> decode(String text, List<Problem> problems) {
        List<PingPairResult> results = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            int problem = Integer.parseInt(f[10]);
            results.add(new PingPairResult(
                    new PingPair(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), f[4]),
                    Outcome.valueOf(f[5]),
                    Double.parseDouble(f[6]),
                    f[7].equals("-") ? null : Double.valueOf(f[7]),
                    f[8].equals("-") ? null : Integer.valueOf(f[8]),
                    Verdict.valueOf(f[9]),
                    problem >= 0 && problem < problems.size() ? problems.get(problem) : null));
        }
        return List.copyOf(results);
    }
}
