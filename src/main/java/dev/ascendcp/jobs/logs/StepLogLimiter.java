package dev.ascendcp.jobs.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Keeps a step's output within its byte budget: the first half is kept as it comes, then a sliding tail of the last
 * half; lines that slide out of the tail are dropped and counted for the marker line that takes their place.
 */
final class StepLogLimiter {

    private final long headLimit;
    private final long tailLimit;
    private long headBytes;
    private long markerSeq = -1;
    private final ArrayDeque<long[]> tail = new ArrayDeque<>();
    private long tailBytes;
    private long droppedBytes;
    private long droppedLines;

    StepLogLimiter(long limit) {
        this.headLimit = limit / 2;
        this.tailLimit = limit - headLimit;
    }

    /** Sequence numbers of the lines this line pushed out (empty while within budget). */
    List<Long> accept(long seq, long bytes) {
        if (markerSeq < 0 && headBytes + bytes <= headLimit) {
            headBytes += bytes;
            return List.of();
        }
        tail.addLast(new long[] {seq, bytes});
        tailBytes += bytes;
        List<Long> evicted = new ArrayList<>();
        while (tailBytes > tailLimit && tail.size() > 1) {
            long[] first = tail.removeFirst();
            tailBytes -= first[1];
            droppedBytes += first[1];
            droppedLines++;
            evicted.add(first[0]);
        }
        return evicted;
    }

    /** Whether the next line goes to the tail and so needs a marker position reserved before it. */
    boolean needsMarker(long bytes) {
        return markerSeq < 0 && headBytes + bytes > headLimit;
    }

    void reserveMarker(LongSupplier nextSeq) {
        markerSeq = nextSeq.getAsLong();
    }

    long markerSeq() {
        return markerSeq;
    }

    String markerText() {
        return TruncationMarker.text(droppedBytes, droppedLines, headLimit + tailLimit);
    }
}
