package dev.ascendcp.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadTailBufferTests {

    @Test
    void keepsEverythingWhileItFits() {
        HeadTailBuffer buffer = new HeadTailBuffer(8, 8);
        append(buffer, "hello ");
        append(buffer, "world!");

        CapturedOutput output = buffer.toOutput();

        assertThat(output.head()).isEqualTo("hello world!");
        assertThat(output.tail()).isEmpty();
        assertThat(output.truncated()).isFalse();
        assertThat(output.totalBytes()).isEqualTo(12);
        assertThat(output.droppedBytes()).isZero();
    }

    @Test
    void keepsHeadAndTailAndCountsWhatWasDropped() {
        HeadTailBuffer buffer = new HeadTailBuffer(4, 5);
        for (int i = 0; i < 10; i++) {
            append(buffer, "0123456789");
        }

        CapturedOutput output = buffer.toOutput();

        assertThat(output.head()).isEqualTo("0123");
        assertThat(output.tail()).isEqualTo("56789");
        assertThat(output.truncated()).isTrue();
        assertThat(output.totalBytes()).isEqualTo(100);
        assertThat(output.droppedBytes()).isEqualTo(91);
        assertThat(output.text()).isEqualTo("0123\n[... 91 bytes dropped ...]\n56789");
        assertThat(buffer.retainedBytes()).isEqualTo(9);
    }

    @Test
    void wrapsTheTailRingAcrossSmallAppends() {
        HeadTailBuffer buffer = new HeadTailBuffer(0, 3);
        for (char c = 'a'; c <= 'z'; c++) {
            append(buffer, String.valueOf(c));
        }

        assertThat(buffer.toOutput().tail()).isEqualTo("xyz");
        assertThat(buffer.toOutput().droppedBytes()).isEqualTo(23);
    }

    @Test
    void neverCutsAMultiByteCharacterInHalf() {
        HeadTailBuffer buffer = new HeadTailBuffer(4, 4);
        append(buffer, "aaa€bbbbbbbbbbbbbbb€cc");

        CapturedOutput output = buffer.toOutput();

        assertThat(output.head()).isEqualTo("aaa");
        assertThat(output.tail()).isEqualTo("cc");
        assertThat(output.head() + output.tail()).doesNotContain("\uFFFD");
        assertThat(output.totalBytes() - output.droppedBytes())
                .isEqualTo(output.head().getBytes(StandardCharsets.UTF_8).length
                        + output.tail().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void splitsLinesDecodesAcrossChunksAndReplacesInvalidBytes() {
        List<String> lines = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(80, lines::add);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        splitter.feed("one\r\ntw".getBytes(StandardCharsets.UTF_8), 0, 7);
        splitter.feed(new byte[] {'o', euro[0]}, 0, 2);
        splitter.feed(new byte[] {euro[1], euro[2], '\n', (byte) 0xFF, '!', '\n', 'l', 'a', 's', 't'}, 0, 10);
        splitter.finish();

        assertThat(lines).containsExactly("one", "two€", "\uFFFD!", "last");
    }

    @Test
    void splitsOverlongLines() {
        List<String> lines = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(80, lines::add);
        byte[] bytes = "x".repeat(200).getBytes(StandardCharsets.US_ASCII);
        splitter.feed(bytes, 0, bytes.length);
        splitter.finish();

        assertThat(lines).extracting(String::length).containsExactly(80, 80, 40);
    }

    private static void append(HeadTailBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.append(bytes, 0, bytes.length);
    }
}
