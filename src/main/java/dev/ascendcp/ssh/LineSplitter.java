package dev.ascendcp.ssh;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns a byte stream into lines: UTF-8 decoded with invalid input replaced, multi-byte characters kept whole across
 * chunk borders, {@code \n} or {@code \r\n} terminated, and split after {@code maxLineLength} characters.
 */
final class LineSplitter {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final int maxLineLength;
    private final Consumer<String> lines;
    private final StringBuilder line = new StringBuilder();
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    LineSplitter(int maxLineLength, Consumer<String> lines) {
        this.maxLineLength = maxLineLength;
        this.lines = lines;
    }

    void feed(byte[] bytes, int offset, int length) {
        ByteBuffer in;
        if (pending.hasRemaining()) {
            in = ByteBuffer.allocate(pending.remaining() + length);
            in.put(pending).put(bytes, offset, length).flip();
        } else {
            in = ByteBuffer.wrap(bytes, offset, length);
        }
        decode(in, false);
        pending =
                in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : ByteBuffer.allocate(0);
    }

    /** Ends the stream: an unterminated last line is emitted too. */
    void finish() {
        decode(pending, true);
        pending = ByteBuffer.allocate(0);
        chars.clear();
        decoder.flush(chars);
        drain();
        if (line.length() > 0) {
            emit();
        }
    }

    private void decode(ByteBuffer in, boolean endOfInput) {
        while (true) {
            chars.clear();
            boolean overflow = decoder.decode(in, chars, endOfInput).isOverflow();
            drain();
            if (!overflow) {
                return;
            }
        }
    }

    private void drain() {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                emit();
            } else {
                line.append(c);
                if (line.length() >= maxLineLength && !Character.isHighSurrogate(c)) {
                    emit();
                }
            }
        }
    }

    private void emit() {
        String text = line.toString();
        line.setLength(0);
        lines.accept(text);
    }
}
