package dev.ascendcp.ssh;

/**
 * What was kept of one output stream: the first bytes ({@code head}) and, when more came than the limits hold, the
 * last bytes ({@code tail}); {@code droppedBytes} were between them and are gone. When nothing was dropped the whole
 * output is in {@code head} and {@code tail} is empty.
 */
public record CapturedOutput(String head, String tail, boolean truncated, long totalBytes, long droppedBytes) {

    public static final CapturedOutput EMPTY = new CapturedOutput("", "", false, 0, 0);

    /** Head and tail joined, with a line saying how much was dropped between them. */
    public String text() {
        if (!truncated) {
            return head + tail;
        }
        return head + "\n[... " + droppedBytes + " bytes dropped ...]\n" + tail;
    }
}
