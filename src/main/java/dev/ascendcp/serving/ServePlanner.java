package dev.ascendcp.serving;

import dev.ascendcp.inventory.ClusterResponse;
import dev.ascendcp.inventory.InventoryPatterns;
import dev.ascendcp.inventory.NodeResponse;
import dev.ascendcp.jobs.OptionViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The Serve phase's plan validation, before anything runs: the rules (violations ⇒ 422, each named) and the warnings
 * of the guide's practice (TP = NPUs per node, PP = nodes).
 */
final class ServePlanner {

    /** What the plan sets: the cluster spec's flags, and {@code --disable-frontend-multiprocessing} for PP > 1. */
    private static final Set<String> MANAGED_FLAGS = Stream.concat(
                    InventoryPatterns.VLLM_SPEC_FLAGS.stream(), Stream.of("--disable-frontend-multiprocessing"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> OPTIONS = Set.of("quantizationCheck");

    /** Violations and warnings; {@code plan} is set exactly when there is no violation. */
    record Result(
            List<OptionViolation> violations, @Nullable ServePlan plan) {}

    private ServePlanner() {}

    static Result plan(ClusterResponse cluster, List<NodeResponse> nodes, Map<String, Object> options, boolean strict) {
        List<OptionViolation> violations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ClusterResponse.Serve serve = cluster.serve();
        if (strict) {
            options.keySet().stream()
                    .filter(key -> !OPTIONS.contains(key))
                    .forEach(key -> violations.add(
                            new OptionViolation("options." + key, "unknown-option", "SERVE has no option " + key)));
        }
        ServePlan.QuantizationCheck quantization = quantizationCheck(options.get("quantizationCheck"), violations);
        if (serve.model() == null || serve.model().isBlank()) {
            violations.add(new OptionViolation("serve.model", "model-required", "the cluster has no serve.model"));
        }
        int tp = serve.tensorParallelSize();
        int pp = serve.pipelineParallelSize();
        int total = nodes.stream().mapToInt(NodeResponse::npuCount).sum();
        if (tp < 1 || pp < 1) {
            violations.add(new OptionViolation("serve", "parallel-size", "TP and PP must be at least 1"));
        } else if ((long) tp * pp > total) {
            violations.add(new OptionViolation(
                    "serve.tensorParallelSize",
                    "tp-times-pp-within-npus",
                    "TP×PP = " + tp + "×" + pp + " = " + tp * pp + " exceeds the " + total + " NPUs of the cluster's "
                            + nodes.size() + " node(s)"));
        }
        checkExtraArgs(serve.extraArgs(), violations);
        if (!violations.isEmpty()) {
            return new Result(violations, null);
        }
        int perNode = nodes.stream().mapToInt(NodeResponse::npuCount).min().orElse(0);
        int participating = nodesTakingPart(nodes, tp * pp);
        warnings.addAll(layoutWarnings(tp, pp, perNode, participating, nodes.size()));
        ServePlan plan = new ServePlan(
                cluster.container().name(),
                serve.model().strip(),
                serve.servedModelName(),
                serve.port(),
                tp,
                pp,
                participating > 1,
                pp > 1,
                serve.enforceEager(),
                serve.trustRemoteCode(),
                serve.extraArgs(),
                cluster.env(),
                quantization,
                warnings);
        return new Result(List.of(), plan);
    }

    private static ServePlan.QuantizationCheck quantizationCheck(@Nullable Object value, List<OptionViolation> out) {
        if (value == null) {
            return ServePlan.QuantizationCheck.WARN;
        }
        try {
            return ServePlan.QuantizationCheck.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            out.add(new OptionViolation(
                    "options.quantizationCheck", "quantization-check", "must be WARN or FAIL, was " + value));
            return ServePlan.QuantizationCheck.WARN;
        }
    }

    private static void checkExtraArgs(List<String> extraArgs, List<OptionViolation> out) {
        for (int i = 0; i < extraArgs.size(); i++) {
            String arg = extraArgs.get(i);
            String field = "serve.extraArgs[" + i + "]";
            if (!InventoryPatterns.isExtraArg(arg)) {
                out.add(new OptionViolation(
                        field, "extra-arg-pattern", "must look like --flag or --flag=value without shell characters"));
            } else if (MANAGED_FLAGS.contains(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)) {
                out.add(new OptionViolation(
                        field, "extra-arg-managed", arg + " is set from the cluster spec; change the spec instead"));
            }
        }
    }

    /** How many nodes Ray fills with TP×PP workers, head first. */
    static int nodesTakingPart(List<NodeResponse> nodes, int workers) {
        int left = workers;
        int count = 0;
        for (NodeResponse node : nodes) {
            if (left <= 0) {
                break;
            }
            left -= node.npuCount();
            count++;
        }
        return Math.max(1, count);
    }

    private static List<String> layoutWarnings(int tp, int pp, int perNode, int participating, int nodeCount) {
        List<String> warnings = new ArrayList<>();
        if (participating > 1 && tp > perNode) {
            warnings.add("TP=" + tp + " exceeds the " + perNode + " NPUs of a node: tensor-parallel traffic crosses"
                    + " nodes; the guide's practice is TP = NPUs per node (" + perNode + ") and PP = nodes");
        } else if (participating > 1 && perNode % tp != 0) {
            warnings.add("TP=" + tp + " does not divide the " + perNode + " NPUs of a node: some TP groups span two"
                    + " nodes; the guide's practice is TP = NPUs per node (" + perNode + ") and PP = nodes");
        }
        if (participating < nodeCount) {
            warnings.add("TP×PP = " + tp * pp + " uses " + participating + " of the cluster's " + nodeCount
                    + " nodes; the others stay idle");
        }
        return warnings;
    }
}
