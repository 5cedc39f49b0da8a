package dev.ascendcp.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a running command to its end, in fixed-size chunks: each chunk goes to the bounded
 * head/tail buffer and to the line splitter feeding the sink, and is then forgotten. On stdout the wire form's first
 * line {@code __acp_pid=N} is taken out and published as {@link #processGroup()}.
 */
final class StreamPump {

    private static final Logger log = LoggerFactory.getLogger(StreamPump.class);
    private static final int CHUNK = 32 * 1024;
    private static final int MAX_PID_LINE = 32;

    private final OutputSink.Stream stream;
    private final HeadTailBuffer buffer;
    private final LineSplitter lines;
    private final CompletableFuture<OptionalLong> processGroup = new CompletableFuture<>();
    private final byte[] firstLine = new byte[MAX_PID_LINE];
    private int firstLineLength;
    private boolean firstLineDone;
    private volatile @Nullable IOException failure;
    private boolean sinkFailed;

    StreamPump(
            OutputSink.Stream stream,
            int headBytes,
            int tailBytes,
            int maxLineLength,
            OutputSink sink,
            Object sinkLock) {
        this.stream = stream;
        this.buffer = new HeadTailBuffer(headBytes, tailBytes);
        this.lines = new LineSplitter(maxLineLength, line -> deliverLine(sink, sinkLock, line));
        this.firstLineDone = stream != OutputSink.Stream.STDOUT;
        if (firstLineDone) {
            processGroup.complete(OptionalLong.empty());
        }
    }

    void pump(InputStream in) {
        byte[] chunk = new byte[CHUNK];
        try {
            int read;
            while ((read = in.read(chunk)) != -1) {
                accept(chunk, 0, read);
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            if (!firstLineDone) {
                firstLineDone = true;
                deliver(firstLine, 0, firstLineLength);
            }
            lines.finish();
            processGroup.complete(OptionalLong.empty());
        }
    }

    /** Completes with the remote process group once the pid line was read (empty if there was none). */
    CompletableFuture<OptionalLong> processGroup() {
        return processGroup;
    }

    @Nullable
    IOException failure() {
        return failure;
    }

    CapturedOutput captured() {
        return buffer.toOutput();
    }

    private void accept(byte[] bytes, int offset, int length) {
        int position = offset;
        int end = offset + length;
        while (!firstLineDone && position < end) {
            byte b = bytes[position++];
            firstLine[firstLineLength++] = b;
            if (b == '\n') {
                firstLineDone = true;
                String text = new String(firstLine, 0, firstLineLength - 1, StandardCharsets.US_ASCII);
                OptionalLong pid = WireForm.parsePidLine(text);
                if (pid.isPresent()) {
                    processGroup.complete(pid);
                } else {
                    deliver(firstLine, 0, firstLineLength);
                }
            } else if (firstLineLength == firstLine.length) {
                firstLineDone = true;
                deliver(firstLine, 0, firstLineLength);
            }
        }
        if (position < end) {
            deliver(bytes, position, end - position);
        }
    }

    private void deliver(byte[] bytes, int offset, int length) {
        if (length > 0) {
            buffer.append(bytes, offset, length);
            lines.feed(bytes, offset, length);
        }
    }

    private void deliverLine(OutputSink sink, Object sinkLock, String line) {
        synchronized (sinkLock) {
            try {
                sink.onLine(stream, line);
            } catch (RuntimeException e) {
                if (!sinkFailed) {
                    sinkFailed = true;
                    log.warn("Output sink failed on {}; output is still captured", stream, e);
                }
            }
        }
    }
}
