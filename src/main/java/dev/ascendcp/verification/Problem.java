package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/**
 * One finding: a plain sentence ({@code NPU 3 on node-b: link DOWN}) and what to do about it. {@code code} is stable
 * (e.g. {@code LINK_DOWN}) for automation; {@code node} and {@code npu} are null where the scope has none.
 */
public record Problem(
        Severity severity,
        Scope scope,
        @Nullable String node,
        @Nullable Integer npu,
        String code,
        String message,
        String hint) {

    static Problem npu(Severity severity, String node, int npu, String code, String what, String hint) {
        return new Problem(severity, Scope.NPU, node, npu, code, "NPU " + npu + " on " + node + ": " + what, hint);
    }

    static Problem node(Severity severity, String node, String code, String what, String hint) {
        return new Problem(severity, Scope.NODE, node, null, code, node + ": " + what, hint);
    }

    static Problem cluster(Severity severity, String code, String message, String hint) {
        return new Problem(severity, Scope.CLUSTER, null, null, code, message, hint);
    }

    /** The sentence and the hint as one line. */
    public String text() {
        return message + " — " + hint;
    }
}
