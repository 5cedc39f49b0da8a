package dev.ascendcp.verification.metrics;

import dev.ascendcp.verification.ClusterVerification;
import dev.ascendcp.verification.LinkState;
import dev.ascendcp.verification.NodeVerdict;
import dev.ascendcp.verification.NpuVerdict;
import dev.ascendcp.verification.Outcome;
import dev.ascendcp.verification.PingPairResult;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.Problem;
import dev.ascendcp.verification.Verdict;
import dev.ascendcp.verification.store.StoredVerification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gauge values of one stored verification. A value that the verification could not read (an UNKNOWN link, an
 * unreadable net health) is left out rather than reported as 0, so that "0" always means "checked and bad".
 *
 * <p>Pings are summed up per NPU and direction, not per pair: a pair label would give 32 256 series for SAME_INDEX
 * and 258 048 for FULL_MESH on 64 nodes, and series that come and go with every failing pair. Per NPU the mean loss
 * of what it sent ({@code out}) and of what was sent to it ({@code in}) still points at the faulty NPU: with a link
 * down on one NPU, both of its directions are at 1.0 while each peer only loses the share of its pings that went to
 * it. The pairs themselves are in {@code GET /api/v1/clusters/{id}/ping-matrix}.
 */
final class VerificationSamples {

    private VerificationSamples() {}

    static List<MetricSample> of(String cluster, StoredVerification stored) {
        List<MetricSample> samples = new ArrayList<>();
        ClusterVerification cv = stored.verification();
        List<String> c = List.of(cluster);
        samples.add(new MetricSample(NpuMetric.CLUSTER_OK, c, bit(cv.verdict().ok())));
        samples.add(new MetricSample(
                NpuMetric.CLUSTER_CHECKED, c, stored.checkedAt().toEpochMilli() / 1000.0));
        samples.add(new MetricSample(NpuMetric.CLUSTER_FAILING_NPUS, c, stored.failingNpus()));
        PingReport ping = cv.ping();
        samples.add(new MetricSample(NpuMetric.CLUSTER_PING_PAIRS, c, ping == null ? 0 : ping.pairs()));
        samples.add(new MetricSample(NpuMetric.CLUSTER_PING_FAILED, c, ping == null ? 0 : ping.failed()));
        for (NodeVerdict node : cv.nodes()) {
            List<String> n = List.of(cluster, node.node());
            samples.add(new MetricSample(NpuMetric.NODE_REACHABLE, n, bit(node.reachable())));
            samples.add(
                    new MetricSample(NpuMetric.NODE_OK, n, bit(node.verdict().ok())));
            boolean smiRead = node.problems().stream().noneMatch(p -> p.code().equals("NPU_SMI_UNREADABLE"));
            for (NpuVerdict npu : node.npus()) {
                npu(samples, List.of(cluster, node.node(), Integer.toString(npu.index())), npu, smiRead);
            }
        }
        if (ping != null) {
            pings(samples, cluster, ping.results());
        }
        return samples;
    }

    private static void npu(List<MetricSample> samples, List<String> labels, NpuVerdict npu, boolean smiRead) {
        if (npu.link() != LinkState.UNKNOWN) {
            samples.add(new MetricSample(NpuMetric.LINK_UP, labels, bit(npu.link() == LinkState.UP)));
        }
        if (npu.health() != null) {
            samples.add(new MetricSample(
                    NpuMetric.NET_HEALTH_OK, labels, bit(npu.health().equalsIgnoreCase("Success"))));
        }
        if (npu.ip() != null || has(npu, "IP_MISSING")) {
            samples.add(new MetricSample(NpuMetric.IP_PRESENT, labels, bit(npu.ip() != null)));
        }
        if (npu.gateway() != null || has(npu, "GATEWAY_MISSING")) {
            samples.add(new MetricSample(NpuMetric.GATEWAY_PRESENT, labels, bit(npu.gateway() != null)));
        }
        if (smiRead) {
            boolean unhealthy = npu.problems().stream().anyMatch(p -> p.code().startsWith("NPU_HEALTH_"));
            samples.add(new MetricSample(NpuMetric.HEALTH_OK, labels, bit(!unhealthy)));
        }
        samples.add(new MetricSample(NpuMetric.NPU_OK, labels, bit(npu.ok())));
        samples.add(
                new MetricSample(NpuMetric.NPU_VERDICT, labels, npu.verdict().ordinal()));
    }

    private static boolean has(NpuVerdict npu, String code) {
        return npu.problems().stream().map(Problem::code).anyMatch(code::equals);
    }

    /** Loss and failures per NPU and direction; pings without a readable answer (busy, unreadable) count in neither. */
    private static void pings(List<MetricSample> samples, String cluster, List<PingPairResult> results) {
        Map<List<String>, double[]> sums = new LinkedHashMap<>(); // {loss sum, readable pings, failed pings}
        for (PingPairResult r : results) {
            add(
                    sums,
                    List.of(
                            cluster,
                            r.pair().fromNode(),
                            Integer.toString(r.pair().fromNpu()),
                            "out"),
                    r);
            add(
                    sums,
                    List.of(
                            cluster,
                            r.pair().toNode(),
                            Integer.toString(r.pair().toNpu()),
                            "in"),
                    r);
        }
        sums.forEach((labels, s) -> {
            if (s[1] > 0) {
                samples.add(new MetricSample(NpuMetric.PING_LOSS_RATIO, labels, s[0] / s[1] / 100.0));
            }
            samples.add(new MetricSample(NpuMetric.PING_FAILED, labels, s[2]));
        });
    }

    private static void add(Map<List<String>, double[]> sums, List<String> labels, PingPairResult r) {
        double[] s = sums.computeIfAbsent(labels, k -> new double[3]);
        if (r.outcome() == Outcome.OK) {
            s[0] += r.lossPercent();
            s[1]++;
        }
        if (r.verdict() == Verdict.FAILED) {
            s[2]++;
        }
    }

    private static double bit(boolean value) {
        return value ? 1 : 0;
    }
}
