package dev.ascendcp.inventory;

import java.util.Locale;
import java.util.Optional;

/**
 * A jump host as its host key is pinned: host (lower case, as DNS names compare) and port. The SSH layer names it
 * {@code jump:<host>:<port>} when it reports the key.
 */
record JumpEndpoint(String host, int port) {

    private static final String TARGET_PREFIX = "jump:";

    static JumpEndpoint of(String host, int port) {
        return new JumpEndpoint(host.toLowerCase(Locale.ROOT), port);
    }

    /** The endpoint named by an SSH target id {@code jump:<host>:<port>} (an IPv6 host keeps its colons). */
    static Optional<JumpEndpoint> fromTargetId(String targetId) {
        if (!targetId.startsWith(TARGET_PREFIX)) {
            return Optional.empty();
        }
        String rest = targetId.substring(TARGET_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code jump-host:<host>:<port>}, the audit target. */
    String auditTarget() {
        return "jump-host:" + host + ":" + port;
    }
}
