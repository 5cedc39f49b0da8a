package dev.ascendcp.verification.phase;

import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.jobs.TargetNode;
import dev.ascendcp.ssh.OutputSink;
import dev.ascendcp.ssh.SshTarget;
import dev.ascendcp.verification.NodeScript;
import dev.ascendcp.verification.NodeVerdict;
import dev.ascendcp.verification.PingEndpoint;
import dev.ascendcp.verification.PingPlan;
import dev.ascendcp.verification.PingPlanner;
import dev.ascendcp.verification.PingReport;
import dev.ascendcp.verification.PingScript;
import dev.ascendcp.verification.Problem;
import dev.ascendcp.verification.Section;
import dev.ascendcp.verification.SectionDemux;
import dev.ascendcp.verification.Verdict;
import dev.ascendcp.verification.VerificationProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stage 2 on one node: ping the peer NPU addresses collected in stage 1 (the plan is made once, by the first ping
 * step, from every node's verdict), bounded per node, busy pings asked again. Fails the step when the node's verdict,
 * its own checks and its pings together, is not ok, so that the job's status tells whether the cluster passed.
 */
final class PingStep implements StepAction {

    private final StepDeps deps;
    private final VerifyOptions options;

    PingStep(StepDeps deps, VerifyOptions options) {
        this.deps = deps;
        this.options = options;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        TargetNode node = context.node();
        NodeVerdict own = (NodeVerdict) context.attributes().get(JobKeys.verdict(node.nodeId()));
        if (own == null || !own.reachable()) {
            deps.live.nodePinged(context.cluster().clusterId(), context.jobId());
            return StepOutcome.skipped("the node was not collected");
        }
        PingPlan plan = (PingPlan) context.attributes().computeIfAbsent(JobKeys.PLAN, k -> plan(context));
        PingPlan mine = new PingPlan(plan.strategy(), plan.from(node.nodeName()));
        UUID clusterId = context.cluster().clusterId();
        context.log(
                LogStream.SYSTEM,
                mine.total() + " of the job's " + plan.total() + " pings (" + plan.strategy() + ", "
                        + options.pingCount() + " packets each) start on this node");
        List<Section> sections = List.of();
        if (mine.total() > 0) {
            sections = ping(context, mine, clusterId);
        }
        context.attributes().put(JobKeys.pings(node.nodeId()), sections);
        PingReport report = dev.ascendcp.verification.PingResults.evaluate(mine, Map.of(node.nodeName(), sections));
        report.problems().forEach(p -> context.log(LogStream.STDERR, p.severity() + " " + p.text()));
        context.log(
                LogStream.SYSTEM,
                report.pairs() + " pings: "
                        + (report.pairs() - report.problems().size()) + " clean, " + report.failed() + " failed");
        deps.live.nodePinged(clusterId, context.jobId());
        return outcome(own, report);
    }

    private List<Section> ping(StepContext context, PingPlan mine, UUID clusterId) throws InterruptedException {
        VerificationProperties p = deps.properties;
        String name = context.node().nodeName();
        SshTarget target = deps.targets.target(context.node().nodeId());
        OutputSink counter = (stream, line) -> {
            if (line.contains("packets transmitted")) {
                deps.live.pingDone(clusterId);
            }
        };
        NodeScript script = PingScript.forNode(mine, name, p.pingConcurrency(), p.hccnTool(), options.packetsOption());
        LaneRunner.Result result = deps.lanes.run(target, script.lanes(), context, p.pingTimeout(), counter);
        List<Section> sections = result.sections();
        for (int retry = 1; retry <= p.busyRetries(); retry++) {
            PingReport report = dev.ascendcp.verification.PingResults.evaluate(mine, Map.of(name, sections));
            if (report.busy().isEmpty()) {
                break;
            }
            context.log(
                    LogStream.SYSTEM,
                    "hccn_tool was busy for " + report.busy().size() + " pings; asking only those again (retry " + retry
                            + " of " + p.busyRetries() + ")");
            Thread.sleep(p.backoffBefore(retry).toMillis());
            NodeScript again =
                    PingScript.retry(report.busy(), p.pingConcurrency(), p.hccnTool(), options.packetsOption());
            sections = SectionDemux.merge(
                    sections,
                    deps.lanes
                            .run(target, again.lanes(), context, p.pingTimeout(), OutputSink.NONE)
                            .sections());
        }
        return sections;
    }

    private PingPlan plan(StepContext context) {
        List<PingEndpoint> endpoints = new ArrayList<>();
        for (TargetNode n : context.cluster().nodes()) {
            NodeVerdict v = (NodeVerdict) context.attributes().get(JobKeys.verdict(n.nodeId()));
            if (v != null && v.reachable()) {
                endpoints.add(PingEndpoint.of(v));
            }
        }
        PingPlan plan = PingPlanner.plan(options.strategy(), endpoints);
        deps.live.pinging(context.cluster().clusterId(), context.jobId(), plan.total());
        return plan;
    }

    private static StepOutcome outcome(NodeVerdict own, PingReport report) {
        Verdict verdict = own.verdict().worst(report.verdict());
        if (verdict.ok()) {
            return StepOutcome.succeeded(verdict + ": " + report.pairs() + " pings, " + report.failed() + " failed");
        }
        List<Problem> problems = new ArrayList<>(own.allProblems());
        problems.addAll(report.problems());
        String first = problems.stream()
                .filter(p -> p.severity() != dev.ascendcp.verification.Severity.WARN)
                .limit(3)
                .map(Problem::message)
                .collect(Collectors.joining("; "));
        int more = problems.size() - Math.min(3, problems.size());
        return StepOutcome.failed(
                "VERIFICATION_FAILED", verdict + ": " + first + (more > 0 ? " (+" + more + " more)" : ""), null);
    }
}
