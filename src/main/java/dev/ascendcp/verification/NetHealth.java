package dev.ascendcp.verification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The words of {@code net health status: <word>}, codes 0-9 of the DCMI detect result, plus words never seen. */
public enum NetHealth {
    SUCCESS("Success"),
    SOCKET_FAIL("Socket fail"),
    RECEIVE_TIMEOUT("Receive timeout"),
    UNREACHABLE("Unreachable"),
    TIME_EXCEEDED("Time exceeded"),
    FAULT("Fault"),
    INIT("Init"),
    THREAD_ERROR("Thread error"),
    DETECT_IP_SET("Detect ip set"),
    /** The tool's own "Unknown" (code 9 and above). */
    UNKNOWN("Unknown"),
    /** A word outside the vocabulary; the word itself is kept in {@link NetHealthInfo#word()}. */
    OTHER("");

    /** Longest first so that {@code Socket failed} wins over {@code Socket fail}. */
    private static final List<String> SPELLINGS = List.of(
            "Socket failed",
            "Socket fail",
            "Receive timeout",
            "Unreachable",
            "Time exceeded",
            "Thread error",
            "Detect ip set",
            "Success",
            "Unknown",
            "Fault",
            "Init");

    private final String word;

    NetHealth(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Huawei's exporter counts Success and Init as healthy. */
    public boolean healthy() {
        return this == SUCCESS || this == INIT;
    }

    /** The known spelling at the start of {@code text} (case-insensitive), or null. */
    static @Nullable String spellingAt(String text) {
        for (String spelling : SPELLINGS) {
            if (text.regionMatches(true, 0, spelling, 0, spelling.length())
                    && (text.length() == spelling.length() || !Character.isLetter(text.charAt(spelling.length())))) {
                return text.substring(0, spelling.length());
            }
        }
        return null;
    }

    static NetHealth of(String word) {
        if (word.equalsIgnoreCase("Socket failed")) {
            return SOCKET_FAIL;
        }
        for (NetHealth health : values()) {
            if (health != OTHER && health.word.equalsIgnoreCase(word)) {
                return health;
            }
        }
        return OTHER;
    }
}
