package dev.ascendcp.verification.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ascendcp.verification.ClusterVerification;
import dev.ascendcp.verification.LinkState;
import dev.ascendcp.verification.NodeVerdict;
import dev.ascendcp.verification.NpuVerdict;
import dev.ascendcp.verification.Outcome;
import dev.ascendcp.verification.PingPair;
import dev.ascendcp.verification.PingPairResult;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.PingStrategy;
import dev.ascendcp.verification.Problem;
import dev.ascendcp.verification.Scope;
import dev.ascendcp.verification.Severity;
import dev.ascendcp.verification.Verdict;
import dev.ascendcp.verification.store.StoredVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class VerificationSamplesTests {

    @Test
    void reportsEachCheckedValuePerNpuAndLeavesOutWhatCouldNotBeRead() {
        NpuVerdict ok = npu(0, "29.0.0.5", LinkState.UP, "Success", "29.0.0.1", List.of());
        NpuVerdict unread = npu(1, null, LinkState.UNKNOWN, null, null, List.of(problem(1, "OUTPUT_UNREADABLE")));
        NpuVerdict noIp = npu(2, null, LinkState.UP, "Init", null, List.of(problem(2, "IP_MISSING")));
        NpuVerdict sick = npu(
                3,
                "29.0.3.5",
                LinkState.DOWN,
                "Receive timeout",
                null,
                List.of(problem(3, "LINK_DOWN"), problem(3, "GATEWAY_MISSING"), problem(3, "NPU_HEALTH_ALARM")));
        List<MetricSample> samples = VerificationSamples.of("c", stored(List.of(ok, unread, noIp, sick), null));

        assertThat(value(samples, NpuMetric.LINK_UP, "0")).isEqualTo(1.0);
        assertThat(value(samples, NpuMetric.LINK_UP, "1")).isNull();
        assertThat(value(samples, NpuMetric.LINK_UP, "3")).isEqualTo(0.0);
        assertThat(value(samples, NpuMetric.NET_HEALTH_OK, "1")).isNull();
        assertThat(value(samples, NpuMetric.NET_HEALTH_OK, "2")).isEqualTo(0.0);
        assertThat(value(samples, NpuMetric.NET_HEALTH_OK, "3")).isEqualTo(0.0);
        assertThat(value(samples, NpuMetric.IP_PRESENT, "1")).isNull();
        assertThat(value(samples, NpuMetric.IP_PRESENT, "2")).isEqualTo(0.0);
        assertThat(value(samples, NpuMetric.GATEWAY_PRESENT, "0")).isEqualTo(1.0);
        assertThat(value(samples, NpuMetric.GATEWAY_PRESENT, "2")).isNull();
        assertThat(value(samples, NpuMetric.GATEWAY_PRESENT, "3")).isEqualTo(0.0);
        assertThat(value(samples, NpuMetric.HEALTH_OK, "0")).isEqualTo(1.0);
        assertThat(value(samples, NpuMetric.HEALTH_OK, "3")).isEqualTo(0.0);
        assertThat(value(samples, NpuMetric.NPU_OK, "0")).isEqualTo(1.0);
        assertThat(value(samples, NpuMetric.NPU_OK, "3")).isEqualTo(0.0);
        assertThat(value(samples, NpuMetric.NPU_VERDICT, "3")).isEqualTo(3.0);
        assertThat(samples)
                .filteredOn(s -> s.metric() == NpuMetric.CLUSTER_FAILING_NPUS)
                .singleElement()
                .extracting(MetricSample::value)
                .isEqualTo(3.0);
    }

    @Test
    void sumsPingsUpPerNpuAndDirectionSoThatTheDeadNpuStandsOut() {
        // three nodes, NPU 0 each; b's NPU 0 is dead: everything to and from it is lost
        List<PingPairResult> results = new ArrayList<>();
        for (String from : List.of("a", "b", "c")) {
            for (String to : List.of("a", "b", "c")) {
                if (!from.equals(to)) {
                    boolean lost = from.equals("b") || to.equals("b");
                    results.add(result(from, to, lost ? 100 : 0, lost ? Verdict.FAILED : Verdict.PASSED));
                }
            }
        }
        results.add(new PingPairResult(
                new PingPair("a", 1, "c", 1, "29.0.1.7"), Outcome.BUSY, 100, null, 1, Verdict.UNKNOWN, null));
        PingReport ping = new PingReport(PingStrategy.SAME_INDEX, results.size(), 4, results, List.of(), List.of());
        List<MetricSample> samples = VerificationSamples.of("c1", stored(List.of(), ping));

        assertThat(ping(samples, NpuMetric.PING_LOSS_RATIO, "b", "0", "out")).isEqualTo(1.0);
        assertThat(ping(samples, NpuMetric.PING_LOSS_RATIO, "b", "0", "in")).isEqualTo(1.0);
        assertThat(ping(samples, NpuMetric.PING_LOSS_RATIO, "a", "0", "out")).isEqualTo(0.5);
        assertThat(ping(samples, NpuMetric.PING_LOSS_RATIO, "c", "0", "in")).isEqualTo(0.5);
        assertThat(ping(samples, NpuMetric.PING_FAILED, "b", "0", "out")).isEqualTo(2.0);
        assertThat(ping(samples, NpuMetric.PING_FAILED, "a", "0", "in")).isEqualTo(1.0);
        // a ping that stayed busy has no loss to report and is no failure
        assertThat(ping(samples, NpuMetric.PING_LOSS_RATIO, "a", "1", "out")).isNull();
        assertThat(ping(samples, NpuMetric.PING_FAILED, "a", "1", "out")).isEqualTo(0.0);
        assertThat(samples)
                .filteredOn(s -> s.metric() == NpuMetric.PING_LOSS_RATIO)
                .hasSize(6); // 3 NPUs x 2 directions: one series per NPU and direction, none per pair
    }

    private static @Nullable Double value(List<MetricSample> samples, NpuMetric metric, String npu) {
        return samples.stream()
                .filter(s -> s.metric() == metric && s.labels().equals(List.of("c", "n", npu)))
                .map(MetricSample::value)
                .findFirst()
                .orElse(null);
    }

    private static @Nullable Double ping(
            List<MetricSample> samples, NpuMetric metric, String node, String npu, String direction) {
        return samples.stream()
                .filter(s -> s.metric() == metric && s.labels().equals(List.of("c1", node, npu, direction)))
                .map(MetricSample::value)
                .findFirst()
                .orElse(null);
    }

    private static PingPairResult result(String from, String to, double loss, Verdict verdict) {
        return new PingPairResult(
                new PingPair(from, 0, to, 0, "29.0.0." + (to.charAt(0) - 'a' + 5)),
                Outcome.OK,
                loss,
                loss >= 100 ? null : 0.1,
                loss > 0 ? 1 : 0,
                verdict,
                null);
    }

    private static StoredVerification stored(List<NpuVerdict> npus, @Nullable PingReport ping) {
        Verdict worst = npus.stream().map(NpuVerdict::verdict).reduce(Verdict.PASSED, Verdict::worst);
        NodeVerdict node = new NodeVerdict("n", true, worst, npus, List.of());
        return new StoredVerification(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.parse("2026-12-01T10:00:00Z"),
                "alice",
                PingStrategy.SAME_INDEX,
                3,
                Map.of("n", UUID.randomUUID()),
                new ClusterVerification(worst, List.of(node), List.of(), ping));
    }

    private static NpuVerdict npu(
            int index,
            @Nullable String ip,
            LinkState link,
            @Nullable String health,
            @Nullable String gateway,
            List<Problem> problems) {
        return new NpuVerdict(
                index,
                ip,
                ip == null ? null : "255.255.255.0",
                link,
                health,
                null,
                null,
                gateway,
                Verdict.of(problems),
                problems);
    }

    private static Problem problem(int npu, String code) {
        Severity severity = code.equals("OUTPUT_UNREADABLE") ? Severity.UNKNOWN : Severity.FAILED;
        return new Problem(severity, Scope.NPU, "n", npu, code, "NPU " + npu + " on n: " + code, "fix it");
    }
}
