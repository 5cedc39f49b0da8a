package dev.ascendcp.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps the first {@code headLimit} and the last {@code tailLimit} bytes of a stream of any length and counts the
 * rest. Memory is bounded by the two limits; nothing in between is ever stored. Safe to read while a reader thread
 * still appends.
 */
final class HeadTailBuffer {

    private final int headLimit;
    private final int tailLimit;
    private byte[] head = new byte[0];
    private int headLength;
    private byte[] tail = new byte[0];
    private int tailStart;
    private int tailLength;
    private long total;

    HeadTailBuffer(int headLimit, int tailLimit) {
        if (headLimit < 0 || tailLimit < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        this.headLimit = headLimit;
        this.tailLimit = tailLimit;
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, headLimit - headLength);
        if (toHead > 0) {
            ensureHeadCapacity(headLength + toHead);
            System.arraycopy(bytes, offset, head, headLength, toHead);
            headLength += toHead;
        }
        if (length > toHead && tailLimit > 0) {
            appendToTail(bytes, offset + toHead, length - toHead);
        }
    }

    synchronized long totalBytes() {
        return total;
    }

    synchronized long droppedBytes() {
        return total - headLength - tailLength;
    }

    /** Bytes held right now (at most head limit plus tail limit). */
    synchronized int retainedBytes() {
        return headLength + tailLength;
    }

    synchronized CapturedOutput toOutput() {
        byte[] tailBytes = tailInOrder();
        long dropped = droppedBytes();
        if (dropped == 0) {
            byte[] all = Arrays.copyOf(head, headLength + tailBytes.length);
            System.arraycopy(tailBytes, 0, all, headLength, tailBytes.length);
            return new CapturedOutput(decode(all, 0, all.length), "", false, total, 0);
        }
        // Cut at character boundaries so that neither part starts or ends with half a UTF-8 sequence.
        int headEnd = headLength - incompleteTrailingSequence(head, headLength);
        int tailFrom = leadingContinuationBytes(tailBytes);
        long droppedAtBoundaries = dropped + (headLength - headEnd) + tailFrom;
        return new CapturedOutput(
                decode(head, 0, headEnd),
                decode(tailBytes, tailFrom, tailBytes.length - tailFrom),
                true,
                total,
                droppedAtBoundaries);
    }

    private void ensureHeadCapacity(int needed) {
        if (head.length < needed) {
            head = Arrays.copyOf(head, Math.min(headLimit, Math.max(needed, Math.max(1024, head.length * 2))));
        }
    }

    private void appendToTail(byte[] bytes, int offset, int length) {
        if (tail.length == 0) {
            tail = new byte[tailLimit];
        }
        if (length >= tailLimit) {
            System.arraycopy(bytes, offset + length - tailLimit, tail, 0, tailLimit);
            tailStart = 0;
            tailLength = tailLimit;
            return;
        }
        int writeAt = (tailStart + tailLength) % tailLimit;
        int first = Math.min(length, tailLimit - writeAt);
        System.arraycopy(bytes, offset, tail, writeAt, first);
        System.arraycopy(bytes, offset + first, tail, 0, length - first);
        int overflow = tailLength + length - tailLimit;
        if (overflow > 0) {
            tailStart = (tailStart + overflow) % tailLimit;
            tailLength = tailLimit;
        } else {
            tailLength += length;
        }
    }

    private byte[] tailInOrder() {
        byte[] out = new byte[tailLength];
        int first = Math.min(tailLength, tail.length - tailStart);
        if (first > 0) {
            System.arraycopy(tail, tailStart, out, 0, first);
        }
        System.arraycopy(tail, 0, out, first, tailLength - first);
        return out;
    }

    private static int incompleteTrailingSequence(byte[] bytes, int length) {
        for (int back = 1; back <= Math.min(4, length); back++) {
            int b = bytes[length - back] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                int expected = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return expected > back ? back : 0;
            }
        }
        return 0;
    }

    private static int leadingContinuationBytes(byte[] bytes) {
        int count = 0;
        while (count < Math.min(3, bytes.length) && (bytes[count] & 0xC0) == 0x80) {
            count++;
        }
        return count;
    }

    private static String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}
