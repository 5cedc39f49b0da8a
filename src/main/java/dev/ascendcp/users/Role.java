package dev.ascendcp.users;

/** What a user may do: {@code VIEWER} reads, {@code OPERATOR} also changes inventory and runs jobs, {@code ADMIN} all. */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN
}
