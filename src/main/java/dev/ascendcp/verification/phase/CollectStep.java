package dev.ascendcp.verification.phase;

import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.LogStream;
import dev.ascendcp.jobs.StepAction;
import dev.ascendcp.jobs.StepContext;
import dev.ascendcp.jobs.StepOutcome;
import dev.ascendcp.jobs.TargetNode;
import dev.ascendcp.ssh.ExecFailure;
import dev.ascendcp.ssh.FailureReason;
import dev.ascendcp.ssh.OutputSink;
import dev.ascendcp.ssh.SshTarget;
import dev.ascendcp.verification.CollectionScript;
import dev.ascendcp.verification.NodeChecks;
import dev.ascendcp.verification.NodeCollection;
import dev.ascendcp.verification.NodeCollector;
import dev.ascendcp.verification.NodeFacts;
import dev.ascendcp.verification.NodeScript;
import dev.ascendcp.verification.NodeVerdict;
import dev.ascendcp.verification.NpuVerdict;
import dev.ascendcp.verification.Problem;
import dev.ascendcp.verification.Section;
import dev.ascendcp.verification.SectionDemux;
import dev.ascendcp.verification.VerificationProperties;
import java.util.List;
import java.util.Set;

/**
 * Stage 1 on one node: npu-smi, hccn.conf and the six hccn_tool queries of every NPU over a bounded number of
 * concurrent exec channels; queries that answered busy are asked again (only those, with backoff, bounded); then the
 * node's checks. An unreachable node fails this step with its reason and gets an unreachable verdict.
 */
final class CollectStep implements StepAction {

    private static final Set<FailureReason> TRANSIENT = Set.of(FailureReason.CONNECT_TIMEOUT, FailureReason.IO);

    private final StepDeps deps;
    private final int pingEstimate;

    CollectStep(StepDeps deps, int pingEstimate) {
        this.deps = deps;
        this.pingEstimate = pingEstimate;
    }

    @Override
    public StepOutcome run(StepContext context) throws InterruptedException {
        TargetNode node = context.node();
        deps.live.started(
                context.cluster().clusterId(),
                context.jobId(),
                context.cluster().nodes().size(),
                pingEstimate);
        NodeResponse inventoryNode = deps.inventory.findNode(node.nodeId()).orElse(null);
        if (inventoryNode == null) {
            return StepOutcome.failed("NODE_NOT_FOUND", "the node was removed from the inventory", null);
        }
        NodeFacts facts = new NodeFacts(node.nodeName(), inventoryNode.npuCount());
        VerificationProperties p = deps.properties;
        NodeScript script = CollectionScript.forNode(facts.npuCount(), p.hccnConcurrency(), p.hccnTool(), p.npuSmi());
        context.log(
                LogStream.SYSTEM,
                "collecting npu-smi info, /etc/hccn.conf and 6 hccn_tool queries for each of " + facts.npuCount()
                        + " NPUs (" + script.sections().size() + " queries on "
                        + script.lanes().size()
                        + " channels at once)");
        SshTarget target = deps.targets.target(node.nodeId());
        LaneRunner.Result first = deps.lanes.run(target, script.lanes(), context, p.collectTimeout(), OutputSink.NONE);
        if (first.unreachable()) {
            return unreachable(context, facts, first.failure());
        }
        List<Section> sections = first.sections();
        NodeCollection collection = NodeCollector.collect(facts.npuCount(), sections);
        for (int retry = 1; !collection.busy().isEmpty() && retry <= p.busyRetries(); retry++) {
            context.log(
                    LogStream.SYSTEM,
                    "hccn_tool was busy for " + collection.busy().size() + " queries; asking only those again in "
                            + p.backoffBefore(retry).toMillis() + " ms (retry " + retry + " of " + p.busyRetries()
                            + ")");
            Thread.sleep(p.backoffBefore(retry).toMillis());
            NodeScript again = CollectionScript.retry(collection.busy(), p.hccnConcurrency(), p.hccnTool(), p.npuSmi());
            LaneRunner.Result more =
                    deps.lanes.run(target, again.lanes(), context, p.collectTimeout(), OutputSink.NONE);
            sections = SectionDemux.merge(sections, more.sections());
            collection = NodeCollector.collect(facts.npuCount(), sections);
        }
        NodeVerdict verdict = NodeChecks.check(facts, collection);
        context.attributes().put(JobKeys.verdict(node.nodeId()), verdict);
        deps.live.collected(context.cluster().clusterId(), context.jobId(), node.nodeId(), verdict);
        report(context, verdict);
        List<Problem> problems = verdict.allProblems();
        return StepOutcome.succeeded(verdict.verdict() + ": " + verdict.npus().size() + " NPUs checked, "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    }

    private StepOutcome unreachable(StepContext context, NodeFacts facts, ExecFailure failure) {
        NodeVerdict verdict = NodeChecks.unreachable(facts, failure.message());
        context.attributes().put(JobKeys.verdict(context.node().nodeId()), verdict);
        deps.live.collected(
                context.cluster().clusterId(), context.jobId(), context.node().nodeId(), verdict);
        context.log(LogStream.STDERR, verdict.problems().get(0).text());
        String reason = failure.reason().name();
        return TRANSIENT.contains(failure.reason())
                ? StepOutcome.transientFailure(reason, failure.message(), null)
                : StepOutcome.failed(reason, failure.message(), null);
    }

    private static void report(StepContext context, NodeVerdict verdict) {
        for (NpuVerdict npu : verdict.npus()) {
            context.log(
                    LogStream.STDOUT,
                    String.format(
                            "NPU %d  ip %s  link %s  health %s  port %s  gateway %s  %s",
                            npu.index(),
                            npu.ip(),
                            npu.link(),
                            npu.health(),
                            npu.lldpPort(),
                            npu.gateway(),
                            npu.verdict()));
        }
        for (Problem problem : verdict.allProblems()) {
            context.log(LogStream.STDERR, problem.severity() + " " + problem.text());
        }
    }
}
