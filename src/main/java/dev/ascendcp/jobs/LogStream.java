package dev.ascendcp.jobs;

/** Where a log line came from: the remote command's stdout or stderr, or the engine itself. */
public enum LogStream {
    STDOUT,
    STDERR,
    SYSTEM
}
