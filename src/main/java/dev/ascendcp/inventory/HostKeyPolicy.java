package dev.ascendcp.inventory;

/**
 * How a node's SSH host key is checked: {@code TOFU} pins the first key seen, {@code STRICT} connects only to a key
 * pinned beforehand (by a known_hosts import or an ADMIN's trust).
 */
public enum HostKeyPolicy {
    TOFU,
    STRICT
}
