package dev.ascendcp.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code device N PING ip}, {@code recv seq=n,time=t ms}, {@code recv time out seq=n} and the summary line
 * {@code s packets transmitted, r received, p% packet loss}. The tool exits non-zero when a packet was lost.
 */
public final class PingParser {

    private static final Pattern HEADER = Pattern.compile("device (\\d+)(?: dev \\S+)? PING6? (\\S+)");
    private static final Pattern REPLY = Pattern.compile("recv seq[=:](\\w+),\\s*time=([\\d.]+)\\s*ms");
    private static final Pattern LOST = Pattern.compile("(?:recv time out|pkt send fail) seq[=:](\\w+)");
    private static final Pattern SUMMARY =
            Pattern.compile("(\\d+) packets transmitted, (\\d+) received, ([\\d.]+)% packet loss");

    private PingParser() {}

    public static PingOutput parse(@Nullable String stdout, @Nullable String stderr, @Nullable Integer exitCode) {
        String raw = ToolText.combine(stdout, stderr);
        Matcher header = HEADER.matcher(raw);
        boolean hasHeader = header.find();
        List<PingReply> replies = replies(raw);
        Matcher summary = SUMMARY.matcher(raw);
        boolean unreachable = raw.contains("Destination Host Unreachable") || raw.contains("Message too long");
        Integer device = hasHeader ? Integer.valueOf(header.group(1)) : null;
        String target = hasHeader ? header.group(2) : null;
        if (summary.find()) {
            int sent = Integer.parseInt(summary.group(1));
            int received = Integer.parseInt(summary.group(2));
            double loss = Double.parseDouble(summary.group(3));
            return new PingOutput(
                    Outcome.OK,
                    device,
                    target,
                    sent,
                    received,
                    loss,
                    replies,
                    average(replies),
                    unreachable,
                    exitCode,
                    raw);
        }
        if (!replies.isEmpty()) {
            int received = (int) replies.stream().filter(r -> !r.lost()).count();
            double loss = 100.0 * (replies.size() - received) / replies.size();
            return new PingOutput(
                    Outcome.OK,
                    device,
                    target,
                    replies.size(),
                    received,
                    loss,
                    replies,
                    average(replies),
                    unreachable,
                    exitCode,
                    raw);
        }
        Outcome outcome = unreachable && hasHeader ? Outcome.OK : ToolText.failure(raw);
        return new PingOutput(outcome, device, target, 0, 0, 100.0, replies, null, unreachable, exitCode, raw);
    }

    /** Splits back-to-back outputs of several pings (a shell loop) at each {@code device N PING} header. */
    public static List<PingOutput> parseAll(@Nullable String stdout) {
        String text = stdout == null ? "" : stdout;
        List<Integer> starts = new ArrayList<>();
        Matcher m = HEADER.matcher(text);
        while (m.find()) {
            starts.add(m.start());
        }
        if (starts.size() <= 1) {
            return List.of(parse(text, "", null));
        }
        List<PingOutput> outputs = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            outputs.add(parse(text.substring(starts.get(i), end), "", null));
        }
        return outputs;
    }

    private static List<PingReply> replies(String raw) {
        List<PingReply> replies = new ArrayList<>();
        for (String line : ToolText.lines(raw)) {
            Matcher ok = REPLY.matcher(line);
            Matcher lost = LOST.matcher(line);
            if (ok.find()) {
                replies.add(new PingReply(seq(ok.group(1)), Double.valueOf(ok.group(2))));
            } else if (lost.find()) {
                replies.add(new PingReply(seq(lost.group(1)), null));
            }
        }
        return List.copyOf(replies);
    }

    private static int seq(String token) {
        return token.length() <= 9 && token.chars().allMatch(Character::isDigit) ? Integer.parseInt(token) : -1;
    }

    private static @Nullable Double average(List<PingReply> replies) {
        return replies.stream().filter(r -> !r.lost()).mapToDouble(r -> r.timeMs()).average().stream()
                .boxed()
                .findFirst()
                .orElse(null);
    }
}
