package dev.ascendcp.verification.phase;

import dev.ascendcp.jobs.OptionViolation;
import dev.ascendcp.verification.PingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The options of a VERIFY job: {@code {"pingStrategy":"SAME_INDEX","pingCount":3}}, both optional. */
public record VerifyOptions(PingStrategy strategy, int pingCount) {

    public static final int DEFAULT_PING_COUNT = 3;
    private static final Set<String> KEYS = Set.of("pingStrategy", "pingCount");

    public static VerifyOptions defaults() {
        return new VerifyOptions(PingStrategy.SAME_INDEX, DEFAULT_PING_COUNT);
    }

    /** The options of a request; call {@link #violations} first, invalid values fall back to the defaults here. */
    public static VerifyOptions from(Map<String, Object> options) {
        PingStrategy strategy = strategy(options.get("pingStrategy"));
        Integer count = count(options.get("pingCount"));
        return new VerifyOptions(
                strategy == null ? PingStrategy.SAME_INDEX : strategy,
                count == null || count < 1 || count > 100 ? DEFAULT_PING_COUNT : count);
    }

    public static List<OptionViolation> violations(Map<String, Object> options) {
        List<OptionViolation> problems = new ArrayList<>();
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(new OptionViolation(
                        "options." + key, "unknown", "is not a VERIFY option (pingStrategy, pingCount)"));
            }
        }
        Object strategy = options.get("pingStrategy");
        if (strategy != null && strategy(strategy) == null) {
            problems.add(new OptionViolation(
                    "options.pingStrategy",
                    "enum",
                    "must be one of "
                            + Arrays.stream(PingStrategy.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))));
        }
        Object countValue = options.get("pingCount");
        if (countValue != null) {
            Integer count = count(countValue);
            if (count == null) {
                problems.add(new OptionViolation("options.pingCount", "type", "must be a whole number"));
            } else if (count < 1) {
                problems.add(new OptionViolation("options.pingCount", "min", "must be at least 1"));
            } else if (count > 100) {
                problems.add(new OptionViolation("options.pingCount", "max", "must be at most 100"));
            }
        }
        return problems;
    }

    /** The {@code pkt N} to send: none for the tool's default of 3 (older tools may not know the option). */
    public @Nullable Integer packetsOption() {
        return pingCount == DEFAULT_PING_COUNT ? null : pingCount;
    }

    private static @Nullable PingStrategy strategy(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(PingStrategy.values())
                .filter(s -> s.name().equals(value.toString()))
                .findFirst()
                .orElse(null);
    }

    private static @Nullable Integer count(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long v = ((Number) value).longValue();
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        if (value instanceof String text && text.strip().matches("-?\\d{1,9}")) {
            return Integer.valueOf(text.strip());
        }
        return null;
    }
}
