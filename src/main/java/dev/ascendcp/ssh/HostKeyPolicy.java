package dev.ascendcp.ssh;

/** What to do with a host key when the target has no pinned key yet. A pinned key is always enforced. */
public enum HostKeyPolicy {
    /** Trust on first use: accept the first key offered and report it through {@link HostKeyListener#onFirstSeen}. */
    TOFU,
    /** Refuse to connect unless a key is pinned. */
    STRICT
}
