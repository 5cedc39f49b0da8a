package dev.ascendcp.verification;

import org.jspecify.annotations.Nullable;

/** Which query a section of collected output answers: the NPU index (null for node queries) and a ping target. */
public record SectionKey(
        Query query, @Nullable Integer npu, @Nullable String target) {

    public static SectionKey node(Query query) {
        return new SectionKey(query, null, null);
    }

    public static SectionKey npu(Query query, int npu) {
        return new SectionKey(query, npu, null);
    }

    public static SectionKey ping(int npu, String target) {
        return new SectionKey(Query.PING, npu, target);
    }

    /** The marker text after {@code @@acp begin}: {@code ip 3}, {@code npu_smi -}, {@code ping 0 29.0.0.2}. */
    public String marker() {
        return query.token() + " " + (npu == null ? "-" : npu.toString()) + (target == null ? "" : " " + target);
    }
}
