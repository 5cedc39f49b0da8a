package dev.ascendcp.ssh;

/**
 * Receives a command's output line by line while it runs. Lines are UTF-8 decoded (invalid bytes replaced), without
 * the line terminator, and split when longer than the configured maximum. Calls are serialised: an implementation
 * need not be thread-safe, but it must be quick, since it runs on the thread that reads the channel.
 */
@FunctionalInterface
public interface OutputSink {

    /** Discards everything. */
    OutputSink NONE = (stream, line) -> {};

    void onLine(Stream stream, String line);

    /** Which of the command's output streams a line came from. */
    enum Stream {
        STDOUT,
        STDERR
    }
}
