package dev.ascendcp.verification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One item whose verdict changed between two runs: kind NODE, NPU, PING or CLUSTER, and a readable key. */
public record DiffItem(String kind, String key, @Nullable Verdict before, Verdict after, List<String> problems) {}
