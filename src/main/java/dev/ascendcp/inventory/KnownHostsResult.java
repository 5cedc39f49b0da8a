package dev.ascendcp.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The outcome of a known_hosts import, line by line; {@code pinned} counts the node and jump host keys pinned. */
record KnownHostsResult(int pinned, int lines, List<Line> results) {

    /**
     * A key line: {@code MATCHED} (a node or a jump host), {@code NO_MATCH} or {@code INVALID} (with
     * {@code message}).
     */
    @Schema(name = "KnownHostsLineResult")
    record Line(
            int line,
            String status,
            List<NodeOutcome> nodes,
            List<JumpHostOutcome> jumpHosts,
            @Nullable String fingerprint,
            @Nullable String message) {}

    /**
     * What happened to one node: {@code PINNED}, {@code UNCHANGED}, {@code CONFLICT_DIFFERENT_KEY_PINNED} (trust
     * the new key through the node's host-key trust instead) or {@code SKIPPED_ANOTHER_KEY_PINNED_FROM_THIS_FILE}.
     */
    @Schema(name = "KnownHostsNodeOutcome")
    record NodeOutcome(UUID nodeId, String name, String outcome) {}

    /** What happened to the pin of a jump host some node is reached through; the outcomes are a node's. */
    @Schema(name = "KnownHostsJumpHostOutcome")
    record JumpHostOutcome(String host, int port, String outcome) {}

    static KnownHostsResult of(List<Line> results) {
        int pinned = (int) results.stream()
                .flatMap(l -> Stream.concat(
                        l.nodes().stream().map(NodeOutcome::outcome),
                        l.jumpHosts().stream().map(JumpHostOutcome::outcome)))
                .filter(outcome -> outcome.equals("PINNED"))
                .count();
        return new KnownHostsResult(pinned, results.size(), results);
    }
}
