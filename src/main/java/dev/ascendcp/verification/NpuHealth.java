package dev.ascendcp.verification;

import java.util.Locale;

/** The Health column of {@code npu-smi info}. */
public enum NpuHealth {
    OK,
    WARNING,
    ALARM,
    CRITICAL,
    /** Any other word; the word itself is kept beside it. */
    OTHER;

    static NpuHealth of(String word) {
        return switch (word.strip().toUpperCase(Locale.ROOT)) {
            case "OK" -> OK;
            case "WARNING" -> WARNING;
            case "ALARM" -> ALARM;
            case "CRITICAL" -> CRITICAL;
            default -> OTHER;
        };
    }
}
